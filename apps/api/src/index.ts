export {
  preparePlatformDatabase,
  startPlatformServer,
  type PlatformServer,
  type PlatformServerOptions,
} from './server';
export { parseEnv, envSchema, type Env } from './env';
