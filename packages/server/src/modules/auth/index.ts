export { createAuthService, type AuthService } from './auth.service';
export { authRoutes } from './auth.routes';
export { bootstrapAdmin } from './bootstrap-admin';
