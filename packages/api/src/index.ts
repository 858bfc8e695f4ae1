export { appRouter, createCaller, type AppRouter } from './root';
export { createContext, type ApiConfig, type ApiServices, type Context, type Logger, type RequestMeta } from './context';
export { createMailer, createSmtpTransport, type Mailer, type SmtpTransport } from './mail/mailer';
