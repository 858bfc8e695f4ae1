export interface CorpusGroup {
  theme: 'privacy' | 'skills' | 'jobs' | 'bias' | 'transparency';
  language: string;
  texts: string[];
}
