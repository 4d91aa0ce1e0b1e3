// One landscape.yml item accepted on a date, for process tests that import a landscape.
export const landscapeItem = (name: string, accepted = '2026-01-01') => `          - item:
            name: ${name}
            homepage_url: https://github.com/example/${name}
            logo: ${name}.svg
            repo_url: https://github.com/example/${name}
            extra:
              accepted: '${accepted}'
`;
