import { NotFound } from '../ui/app/not-found';

export default NotFound;
