import { OperationLabels } from './operation-label';

describe('operation names as metric labels', () => {
  it('keeps names it has seen, calls the nameless anonymous and odd names other', () => {
    const labels = new OperationLabels();
    expect(labels.label('Lots')).toBe('Lots');
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('bad name"}')).toBe('other');
  });

  it('stops at a bound, so that made-up names cannot fill the memory with series', () => {
    const labels = new OperationLabels();
    for (let i = 0; i < 200; i += 1) labels.label(`Op${i}`);
    expect(labels.label('Op0')).toBe('Op0');
    expect(labels.label('Newcomer')).toBe('other');
  });
});
