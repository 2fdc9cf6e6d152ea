import { expect } from 'chai';
import { canonicalJson } from '../../src/domain/canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth, whatever order they were built in', () => {
    const a = canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } });
    const b = canonicalJson({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 });
    expect(a).to.equal('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(b).to.equal(a);
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([3, 1, 2])).to.equal('[3,1,2]');
  });

  it('drops undefined properties like JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).to.equal('{"a":1}');
  });

  it('refuses non-finite numbers, which JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).to.throw(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).to.throw(TypeError);
  });
});
