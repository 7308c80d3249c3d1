import { PEP_SECTION_TITLES } from '../../src/index.ts';

/** The link text of a finding's PEP section: "PEP 3333 § The write() Callable". */
export function pepLabel(url: string): string {
  const title = PEP_SECTION_TITLES[url];
  return title ? `PEP 3333 § ${title}` : 'PEP 3333';
}
