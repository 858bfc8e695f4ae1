// Repository functions of the boards domain (executor first).
export {};
