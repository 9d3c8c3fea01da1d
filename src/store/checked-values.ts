import { Encoder } from 'msgpackr';
import { sealed, unsealed } from './damage.ts';

const packer = new Encoder({ copyBuffers: true });

/** lmdb's value encoder for a database of structured values: MessagePack, sealed. */
export function checkedValues(what: string): { encode(value: unknown): Buffer; decode(stored: Uint8Array): unknown } {
  return {
    encode: (value) => sealed(packer.encode(value)),
    // lmdb hands over its shared read buffer, whose `length` it sets to the value's.
    decode: (stored) => packer.decode(unsealed(stored.subarray(0, stored.length), `a value of ${what}`)),
  };
}
