import { getMetadataStorage, MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Metadata = ReturnType<Lookup>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const INSTALLED = Symbol.for('reuse-network.validation-metadata-cache');

/**
 * Makes class-validator's rule lookup a map read. For every object it validates, class-validator
 * finds the rules of the object's class by testing the class against every decorated class of the
 * application (`prototype instanceof`, to find inherited rules) and groups them by property: with
 * a few hundred input classes, that scan was a third of the cost of validating a nested input such as
 * a donation's, on every request.
 *
 * The answer depends only on the class, the options and the rules registered so far; rules are
 * registered when classes are defined (decorators, mapped types), and any registration empties the
 * cache, so a class defined late (a lazily loaded module) is seen exactly as without the cache. The
 * lists handed out are frozen: class-validator and Nest's mapped types only read them.
 *
 * Idempotent: the storage is a process-wide singleton, and installing twice wraps it once.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const target = storage as MetadataStorage & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;

  let byClass = new WeakMap<object, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, Grouped>();
  const forget = () => {
    byClass = new WeakMap();
    grouped = new WeakMap();
  };

  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  const addConstraintMetadata = storage.addConstraintMetadata.bind(storage);

  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    // a schema name alone (no class) is not a key a WeakMap takes: rare, and left uncached
    if (typeof targetConstructor !== 'function') return lookup(targetConstructor, targetSchema, always, strictGroups, groups);
    const key = `${targetSchema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups ? groups.join('\u0001') : '-'}`;
    let forClass = byClass.get(targetConstructor);
    if (!forClass) byClass.set(targetConstructor, (forClass = new Map()));
    let found = forClass.get(key);
    if (!found) {
      found = Object.freeze(lookup(targetConstructor, targetSchema, always, strictGroups, groups)) as Metadata;
      forClass.set(key, found);
    }
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) {
      found = groupByPropertyName(metadata);
      // only lists this cache handed out are kept: they are frozen, so the grouping stays true
      if (Object.isFrozen(metadata)) grouped.set(metadata, found);
    }
    return found;
  };
  // addValidationSchema registers through addValidationMetadata
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidationMetadata(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraintMetadata(metadata);
  };
}
