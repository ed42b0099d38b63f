/** The shortest password accepted (server and forms); the server also refuses easily guessed ones. */
export const MIN_PASSWORD_LENGTH = 10;
