import { describe, expect, it } from 'vitest';
import { importsOf, requirementName } from './moduleImports.ts';
import { packageErrorWords } from './packageErrorWords.ts';
import { requirementProblems } from './requirementProblems.ts';
import { requirementLines, requirementsText } from './requirementsText.ts';

describe('the Requirements box', () => {
  it('reads one requirement a line, leaving out blank lines and # comments', () => {
    const text = '# web\nflask==3.1.1  # the app\n\n  bottle \r\nurl#fragment\n';
    expect(requirementLines(text)).toEqual(['flask==3.1.1', 'bottle', 'url#fragment']);
    expect(requirementsText(['flask', 'bottle'])).toBe('flask\nbottle');
  });

  it('says what cannot be installed, line by line', () => {
    const problems = requirementProblems([
      'flask>=3',
      'Django[bcrypt]==5.1 ; python_version >= "3.10"',
      'flask ==',
      'pkg @ https://example.test/pkg.whl',
      '-r other.txt',
      '--index-url https://example.test/simple/',
    ]);
    expect(problems.map((problem) => problem.requirement)).toEqual([
      'flask ==',
      'pkg @ https://example.test/pkg.whl',
      '-r other.txt',
      '--index-url https://example.test/simple/',
    ]);
    expect(problems[1]?.message).toMatch(/direct URL/);
    expect(problems[2]?.message).toMatch(/Options/);
    expect(problems[3]?.message).toMatch(/Package index field/);
  });
});

describe('the modules imported into an image', () => {
  it('are the requirements’ names as modules, frameworks with their parts', () => {
    expect(requirementName('Flask[async]>=3')).toBe('Flask');
    expect(
      importsOf(['Flask>=3', 'django==5.1', 'bottle', 'falcon', 'My-Lib', 'PyYAML', 'flask']),
    ).toEqual([
      'flask',
      'django',
      'django.core.wsgi',
      'django.http',
      'django.urls',
      'bottle',
      'falcon',
      'my_lib',
      'yaml',
    ]);
    expect(importsOf([], ['my_wheel'])).toEqual(['my_wheel']);
  });
});

describe('a failed preparation, in words', () => {
  it('adds what to do, and the files the message does not name', () => {
    const words = packageErrorWords({
      kind: 'missing-hand-wheel',
      message: 'Wheel files are missing.',
      files: ['a-1-py3-none-any.whl'],
    });
    expect(words.message).toBe('Wheel files are missing. (a-1-py3-none-any.whl)');
    expect(words.hint).toMatch(/Add wheel files…/);
    expect(packageErrorWords({ kind: 'offline', message: 'Offline.' }).hint).toMatch(/connection/);
  });
});
