import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The web UI: built into dist/web, which the Fastify server serves; in development the API is proxied.
export default defineConfig({
  root: 'src/web',
  // Every built text file also gets a .gz and a .br copy (best levels, made once here instead of on
  // every request); @fastify/static sends the one the browser accepts (preCompressed). Source maps stay
  // uncompressed: only DevTools fetch them.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and the query cache change far less often than the app: in a chunk of
          // their own, a phone keeps them cached across releases. antd stays split by page.
          groups: [
            {
              name: 'react-vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
