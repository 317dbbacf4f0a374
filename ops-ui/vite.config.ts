/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server serves the built files at / (copied onto its classpath under static/ by Maven);
// `npm run dev` proxies the API to a server started with ./longhaul run.
const server = "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { "/api": server, "/login": { target: server, bypass: (req) => (req.method === "GET" ? req.url : undefined) }, "/logout": server },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
