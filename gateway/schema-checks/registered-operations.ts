import type { GraphQLSchema } from 'graphql';
import { PROFILES, type Profile } from '../../common/auth/contract-profiles';
import type { StoredManifest } from '../trusted-documents/manifests';
import { schemaForOrganisation } from '../trusted-documents/organisation-schema';
import type { RegisteredProfiles } from '../trusted-documents/registered-profiles';
import { documentErrors } from '../trusted-documents/register';
import { errorCoordinates } from './operation-coordinates';

/** A registered operation the new contract of its organisation's profile would refuse, one entry per error. */
export interface BrokenOperation {
  /** The organisation's folder under operations/ (its slug: `bpjs-kesehatan`). */
  readonly organisation: string;
  readonly app: string;
  readonly operation: string;
  readonly id: string;
  /** The contract it was registered against (operations/profiles.json), or that accepted it before the change when none is recorded. */
  readonly profile: Profile;
  /** The schema coordinate the error is about (`Type.field` or `Type.field(argument:)`), when it points at one. */
  readonly coordinate: string | null;
  /** graphql-js's validation message, as the gateway would answer it. */
  readonly message: string;
}

export interface RegisteredOperationsCheck {
  readonly manifests: readonly StoredManifest[];
  readonly profiles: RegisteredProfiles;
  /** The committed contract of a profile: where the operation was valid, and which profiles accept it when none is recorded. */
  readonly contractBefore: (profile: Profile) => GraphQLSchema;
  /** The contract's SDL the change would make. */
  readonly contractSdlAfter: (profile: Profile) => string;
}

/**
 * Every registered operation validated, as `npm run operations -- register` validates it, against
 * the new contract of each profile its app was registered with. An app registered before profiles
 * were recorded is checked against every contract that accepts the operation today.
 */
export function brokenRegisteredOperations(check: RegisteredOperationsCheck): BrokenOperation[] {
  const after = new Map<Profile, GraphQLSchema>();
  const contractAfter = (organisation: string, profile: Profile) => {
    const known = after.get(profile);
    if (known) return known;
    const schema = schemaForOrganisation(organisation, profile, check.contractSdlAfter);
    after.set(profile, schema);
    return schema;
  };
  const broken: BrokenOperation[] = [];
  for (const { organisation, app, operations } of check.manifests) {
    const recorded = check.profiles[organisation]?.[app];
    for (const { id, name, body } of operations) {
      const profiles = recorded ?? PROFILES.filter((profile) => documentErrors(body, check.contractBefore(profile)).errors.length === 0);
      for (const profile of profiles) {
        const { document, errors } = documentErrors(body, contractAfter(organisation, profile));
        const coordinates = document ? errorCoordinates(document, check.contractBefore(profile), errors) : errors.map(() => null);
        errors.forEach((error, position) =>
          broken.push({ organisation, app, operation: name, id, profile, coordinate: coordinates[position] ?? null, message: error.message }),
        );
      }
    }
  }
  return broken;
}
