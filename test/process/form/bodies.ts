// Issue bodies shaped like real ecosystem applications: what GitHub renders from the form, and
// what applicants and staff make of it afterwards.

/** Exactly what the issue form produces, every question answered. */
export const COMPLETE = `### Contact emails

maria.rossi@example.org, dev-team@torchwave.ai

### Project summary

TorchWave: differentiable audio signal processing for PyTorch.

### Project description

TorchWave provides GPU-accelerated, differentiable implementations of classic audio DSP
(filters, STFT variants, resampling) as torch.nn modules, so they can sit inside a training
graph. It fills the gap between torchaudio's I/O and research code that re-implements DSP.

### Are there any other projects in the PyTorch Ecosystem similar to yours?  If, yes, what are they?

torchaudio overlaps on transforms; we focus on differentiable filters and build on it.

### Project repo URL

https://github.com/torchwave/torchwave

### Additional repos in scope of the application

https://github.com/torchwave/torchwave-models
https://github.com/torchwave/torchwave-bench

### Project license

BSD-3-Clause

### GitHub handles of the project maintainer(s)

@mrossi, @kchen-dsp

### Is there a corporate or academic entity backing this project?  If so, please provide the name and URL of the entity.

University of Somewhere Audio Lab, https://audio.example.edu

### Website URL

https://torchwave.ai

### Documentation

Tutorials and API reference at https://torchwave.ai/docs

### How do you build and test the project today (continuous integration)?  Please describe.

GitHub Actions: unit tests on Linux/macOS/Windows, GPU tests nightly on self-hosted runners.

### Version of PyTorch

2.4, 2.5 and nightly

### Components of PyTorch

torch.nn, torch.fft, torch.compile

### How long do you expect to maintain the project?

At least 3 years; the lab has funding through 2029.

### Additional information

_No response_
`;

/**
 * Edited by hand afterwards: CRLF line endings, headings retyped (case, `?`, level, the long
 * similar-projects question reworded), prose around values, mailto links, profile URLs.
 */
export const HAND_EDITED = [
  '## contact emails',
  '',
  '[Jane Doe](mailto:jane@medlab.org); <ops@medlab.org>',
  'mailto:jane@medlab.org',
  '',
  '### Project Summary?',
  '',
  'Medical imaging toolkit',
  '',
  '### Project description ',
  '',
  'A toolkit.',
  '',
  '### Features',
  '',
  '- segmentation',
  '',
  '### Are there other projects in the PyTorch ecosystem similar to yours? If yes, which?',
  '',
  'None.',
  '',
  '### Project Repo URL:',
  '',
  'Our repo is https://github.com/medlab/medkit (main), mirror at https://gitlab.com/medlab/medkit.',
  '',
  '### Project License',
  '',
  'Apache 2.0',
  '',
  '### GitHub handles of the project maintainers',
  '',
  '- https://github.com/jdoe',
  '- [@rsmith](https://github.com/rsmith)',
  '- lchen',
  '',
  '### Website URL',
  '',
  'medlab.org/medkit',
  '',
  '### Documentation',
  '',
  'https://medkit.readthedocs.io',
  '',
  '```',
  '### Version of PyTorch',
  '```',
  '',
  '### CI',
  '',
  'GitHub Actions',
  '',
  '### PyTorch version',
  '',
  '>= 2.1',
  '',
  '### Components of PyTorch',
  '',
  'NA',
  '',
  '### How long do you expect to maintain the project',
  '',
  'Indefinitely',
  '',
].join('\r\n');

/** Sections deleted by the applicant. */
export const MISSING_SECTIONS = `### Contact emails

lead@tinyproj.dev

### Project summary

Tiny project

### Project repo URL

https://github.com/tinyproj/tiny

### Project license

MIT
`;

/** Every answer a placeholder. */
export const NA_EVERYWHERE = COMPLETE.replace(/(### [^\n]+\n\n)[\s\S]*?(?=\n### |\n?$)/g, (_m, heading: string) => `${heading}N/A\n`);

/** A whole organisation given as the repository, the way some real applications do. */
export const ORG_URL = COMPLETE.replace('https://github.com/torchwave/torchwave\n', 'https://github.com/Project-MONAI\n');

export const NOT_AN_APPLICATION = `Hi! I'd love for my project to be in the ecosystem.

It's at https://github.com/someone/something, let me know what you think.

Thanks,
Someone
`;
