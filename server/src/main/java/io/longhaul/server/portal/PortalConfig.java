package io.longhaul.server.portal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The portal's files from {@code static/} (ops-ui puts them there). A path that is not a file and
 * not under the API is one of the portal's own routes (/runs/abc, /inventory/fabric/sha), so it
 * gets index.html and the app routes it; unknown API paths stay 404.
 */
@Configuration(proxyBeanMethods = false)
public class PortalConfig implements WebMvcConfigurer {
  static final String LOCATION = "static/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Vite names built files by content hash, so they never change under the same name.
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/" + LOCATION + "assets/")
        .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/" + LOCATION)
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new SpaFallback());
  }

  static final class SpaFallback extends PathResourceResolver {
    @Override
    protected Resource getResource(String path, Resource location) throws IOException {
      // The parent checks the path stays under static/; the bare root is the page itself.
      Resource file = path.isEmpty() ? null : super.getResource(path, location);
      if (file != null) {
        return file;
      }
      if (path.startsWith("api/") || path.startsWith("actuator") || path.startsWith("v3/")) {
        return null;
      }
      Resource index = new ClassPathResource(LOCATION + "index.html");
      return index.isReadable() ? index : null;
    }
  }
}
