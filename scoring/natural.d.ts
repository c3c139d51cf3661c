// Types for the two deep imports of natural that scoring/nlp.ts uses (the root 'natural' is never imported).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
