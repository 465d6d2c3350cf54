import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        // Vendor code in its own long-cached chunks; the charts load only on the pages that draw them.
        codeSplitting: { groups: [{ name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ }, { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)/ }] },
      },
    },
  },
});
