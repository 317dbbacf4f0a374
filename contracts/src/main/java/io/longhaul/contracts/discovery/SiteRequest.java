package io.longhaul.contracts.discovery;

/** Names a site by its code. */
public record SiteRequest(String site) {}
