// Repository functions of the review domain (executor first).
export {};
