export { publicRoutes } from './public.routes';
export { createPublicDirectory, type PublicDirectory } from './public.service';
