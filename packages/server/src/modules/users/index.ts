export { createUserService, type UserService } from './users.service';
export { userRoutes } from './users.routes';
export { usersRepository, type UserRow } from './users.repository';
export { createUserLookup, type UserLookup } from './users.lookup';
