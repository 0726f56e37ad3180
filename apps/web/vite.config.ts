import { defineConfig } from 'vite';

// No React plugin: esbuild's automatic JSX runtime is all the app needs, and it keeps the toolchain
// to what the workspace already installs. Fast refresh is not worth a dependency here.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Cheap phones run old but evergreen Chromium-based browsers; ES2020 covers them.
    target: 'es2020',
  },
  server: {
    // The API server (`npm run serve:demo`) listens on 8080; cookies stay same-origin through the proxy.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
