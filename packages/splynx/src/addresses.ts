import { splitIpList } from '@wispsync/core';

/** Who a service is: its id, its customer's id and name. */
export interface ServiceLabel {
  serviceId: string;
  customerId: string;
  name: string;
}

/** In words an operator recognises: `service 1002 (customer 2 "Bob")`. */
export function describeService(label: ServiceLabel): string {
  return `service ${label.serviceId} (customer ${label.customerId || '?'} "${label.name}")`;
}

const NONE: readonly string[] = Object.freeze([]);
const SEPARATOR = /[\s,;]/;

/**
 * The addresses in one Splynx field ("" for none, one address, or a comma-separated list). Most
 * fields are empty or hold one address: those skip the general splitter (100,000 services a run).
 */
export function addressList(value: unknown): readonly string[] {
  if (typeof value !== 'string') return NONE;
  const text = value.trim();
  if (text === '') return NONE;
  return SEPARATOR.test(text) ? splitIpList(text) : [text];
}

export type AddressKind = 'IPv4' | 'IPv4 route' | 'IPv6' | 'IPv6 delegation' | 'online IPv4' | 'online IPv6';

export interface DuplicateAddress {
  address: string;
  kind: AddressKind;
  owner: ServiceLabel;
  loser: ServiceLabel;
}

/**
 * Which service holds which address. The first service to claim an address keeps it (services in
 * Splynx order, then online sessions); later claims are refused and reported, so a service whose
 * every static address is taken can still be shaped from its session. Addresses are compared as
 * written (trimmed, any letter case), as Splynx stores them: the same address spelt two ways
 * (`100.64.0.5` and `100.64.0.5/32`) is caught by core's check of the normalised addresses, which
 * warns naming both circuits. (Normalising here too would parse every address twice a run.)
 */
export class AddressBook {
  private readonly owners = new Map<string, ServiceLabel>();

  constructor(private readonly onDuplicate: (duplicate: DuplicateAddress) => void) {}

  /** Appends to `out` every address of `raws` that `service` may have. */
  claim(service: ServiceLabel, raws: readonly string[], kind: AddressKind, out: string[]): void {
    for (const raw of raws) {
      const text = raw.trim();
      const key = text.includes(':') ? text.toLowerCase() : text;
      if (key === '') continue;
      const owner = this.owners.get(key);
      if (owner === undefined) {
        this.owners.set(key, service);
      } else if (owner.serviceId !== service.serviceId) {
        this.onDuplicate({ address: text, kind, owner, loser: service });
        continue;
      }
      out.push(raw);
    }
  }

  /** The addresses of `raws` nobody holds yet (claimed for `service`). */
  claimFree(service: ServiceLabel, raws: readonly string[], kind: AddressKind): string[] {
    const out: string[] = [];
    this.claim(service, raws, kind, out);
    return out;
  }
}
