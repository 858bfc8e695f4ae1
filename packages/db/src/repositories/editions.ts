// Repository functions of the editions domain (executor first).
export {};
