export { createUserService, type UserService } from './users.service';
export { userRoutes } from './users.routes';
export { usersRepository } from './users.repository';
export { users, sessions } from './users.table';
