// Server-side analysis (imports ml-kmeans and the stop-word lists): import from '@musyawarah/core/insight', never
// from the browser apps, which take only ./schemas through the package root.
export * from './themes';
export * from './tokenize';
export * from './stopwords';
export * from './quality';
export * from './schemas';
