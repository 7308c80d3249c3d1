/** Links to the sections of PEP 3333 that the rules enforce. */
const PEP = 'https://peps.python.org/pep-3333/';

/** Section anchors of PEP 3333 on peps.python.org. */
export const PEP_SECTIONS = {
  stringTypes: `${PEP}#a-note-on-string-types`,
  specificationDetails: `${PEP}#specification-details`,
  environVariables: `${PEP}#environ-variables`,
  inputAndErrorStreams: `${PEP}#input-and-error-streams`,
  startResponse: `${PEP}#the-start-response-callable`,
  contentLength: `${PEP}#handling-the-content-length-header`,
  writeCallable: `${PEP}#the-write-callable`,
  unicodeIssues: `${PEP}#unicode-issues`,
  errorHandling: `${PEP}#error-handling`,
  otherHttpFeatures: `${PEP}#other-http-features`,
} as const;

/** The title of each section, for links in docs and the UI. */
export const PEP_SECTION_TITLES: Record<string, string> = {
  [PEP_SECTIONS.stringTypes]: 'A Note On String Types',
  [PEP_SECTIONS.specificationDetails]: 'Specification Details',
  [PEP_SECTIONS.environVariables]: 'environ Variables',
  [PEP_SECTIONS.inputAndErrorStreams]: 'Input and Error Streams',
  [PEP_SECTIONS.startResponse]: 'The start_response() Callable',
  [PEP_SECTIONS.contentLength]: 'Handling the Content-Length Header',
  [PEP_SECTIONS.writeCallable]: 'The write() Callable',
  [PEP_SECTIONS.unicodeIssues]: 'Unicode Issues',
  [PEP_SECTIONS.errorHandling]: 'Error Handling',
  [PEP_SECTIONS.otherHttpFeatures]: 'Other HTTP Features',
};
