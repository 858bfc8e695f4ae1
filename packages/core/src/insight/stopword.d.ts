// The `stopword` package ships no types; only the lists used here are declared.
declare module 'stopword' {
  export const mya: string[];
}
