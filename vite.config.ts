import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The web UI: built into dist/web, which the Fastify server serves; in development the API is proxied.
export default defineConfig({
  root: 'src/web',
  // Every built text file also gets a .br and a .gz copy, made once here instead of on every request;
  // @fastify/static sends the one the browser accepts (preCompressed). Brotli quality 10, not 11: the
  // files come out 1.5 % larger but in a third of the time (docs/runtime.md). gzip matters too: browsers
  // ask for br only over HTTPS (and from localhost). Source maps stay as they are: only DevTools read them.
  plugins: [
    react(),
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The largest chunk is echarts (the dashboards' charts, ~590 kB, ~200 kB gzip), fetched only when a
    // dashboard draws its first chart; every chunk of the first page load stays far below this.
    chunkSizeWarningLimit: 650,
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
