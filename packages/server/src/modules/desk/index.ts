export { createDeskService, type DeskService, type DeskDeps } from './desk.service';
export { deskRoutes } from './desk.routes';
