import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each page's chunk imports; bench/bundle-size.ts reads it.
    manifest: true,
    // Warn above 550 kB (minified, before gzip): Vite's default of 500 would fire on every build for one chunk that
    // stays larger on purpose, echarts (≈ 507 kB, ≈ 171 kB gzipped). It is already cut to the bar chart, grid, legend,
    // tooltip and canvas renderer (src/features/plan/progress-chart.tsx) and only the progress page's chart loads it,
    // lazily. Every other chunk is under 420 kB; the first pages' budget is checked by bench/bundle-size.ts.
    chunkSizeWarningLimit: 550,
    rolldownOptions: {
      treeshake: {
        // antd's Menu, Drawer, Modal and Tooltip import its form context (to isolate forms inside popups), which
        // imports `FormProvider` from @rc-component/form's index. That index also sets `Form.Field`, `Form.List`,
        // `Form.useForm`… on its own default export; rolldown keeps those writes, and with them all of rc-form and
        // async-validator (≈ 13 KB gzipped), on every page with a menu. The package declares no `sideEffects`; its
        // index has none beyond those writes to its own object, so say so for that one file: pages with a form still
        // get all of rc-form through antd's Form, the shell and the home page only the context they use.
        moduleSideEffects: [
          { test: /node_modules[\\/]@rc-component[\\/]form[\\/]es[\\/]index\.js$/, sideEffects: false },
        ],
      },
      output: {
        // Pages are lazy routes (src/app/router.tsx), so antd is NOT one chunk: each page gets the antd components it
        // uses, in chunks shared with the other pages that use them (rolldown's automatic splitting). Two groups:
        // React and the router, which change rarely (long-cached); the rest of what the entry itself runs (antd's
        // ConfigProvider, App, theme, TanStack Query, dayjs), one file instead of a dozen small ones.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
