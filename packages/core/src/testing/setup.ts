// Vitest setup file for every suite that parses with core's schemas: what the host and the apps do at start.
import { installValidationMessages } from '../schemas/messages';

installValidationMessages();
