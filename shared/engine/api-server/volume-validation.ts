/**
 * Pod volume validation as kube-apiserver runs it (`pkg/apis/core/validation/validation.go`): the one-volume-type
 * rule of `validateVolumeSource` for every volume, and the whole of `validateProjectedVolumeSource` /
 * `validateProjectionSources` for projected volumes. Field paths, messages and their order are upstream's, quirks
 * included (a token's `path` errors name `projected.path`; a duplicate path names the projected volume).
 * Other volume types are only counted, their own fields are not checked.
 */
import type { ConfigMapProjection, DownwardAPIVolumeFile, KeyToPath, ProjectedVolumeSource, SecretProjection, Volume } from 'kubernetes-types/core/v1';
import { MAX_TOKEN_EXPIRATION_SEC, MIN_TOKEN_EXPIRATION_SEC, DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC } from './token-request.ts';
import { forbidden, invalid, required, type FieldError } from './field-errors.ts';
import type { VersionBehaviour } from '../../model/versions.ts';

/**
 * `validateVolumeSource`'s order, with the name each Forbidden error prints: upstream spells two of them differently
 * from the JSON key (`cephFS`, `downwarAPI`). `image` is left out: with the ImageVolume gate off the API server drops
 * the field, and the volume then has no type.
 */
const VOLUME_TYPES: readonly (readonly [keyof Volume, string])[] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
];

/** validation.go `fileModeErrorMsg`. */
const FILE_MODE_MESSAGE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** `validateVolumeSource`: the first volume type present is validated, each further one is Forbidden. */
export function validateVolumeSource(volume: Volume, base: string, behaviour: VersionBehaviour): FieldError[] {
  const problems: FieldError[] = [];
  let types = 0;
  for (const [key, name] of VOLUME_TYPES) {
    if (volume[key] == null) continue;
    if (types > 0) {
      problems.push(forbidden(`${base}.${name}`, 'may not specify more than 1 volume type'));
      continue;
    }
    types++;
    if (key === 'projected') problems.push(...validateProjectedVolumeSource(volume.projected!, `${base}.projected`, behaviour));
  }
  if (types === 0) problems.push(required(base, 'must specify a volume type'));
  return problems;
}

/** `validateProjectedVolumeSource`: the default mode, then every source. */
function validateProjectedVolumeSource(projected: ProjectedVolumeSource, base: string, behaviour: VersionBehaviour): FieldError[] {
  const problems: FieldError[] = [];
  const mode = projected.defaultMode;
  if (mode != null && (mode > 0o777 || mode < 0)) problems.push(invalid(`${base}.defaultMode`, mode, FILE_MODE_MESSAGE));
  const allPaths = new Set<string>();
  /** Upstream keeps the first holder of a path; a later one is `conflicting duplicate paths` on the volume. */
  const claim = (path: string | undefined, value: string) => {
    if (!path) return;
    if (allPaths.has(path)) problems.push(invalid(base, value, 'conflicting duplicate paths'));
    else allPaths.add(path);
  };
  (projected.sources ?? []).forEach((source, s) => {
    const srcPath = `${base}.sources[${s}]`;
    let kinds = 0;
    if (source.secret) {
      kinds++;
      problems.push(...validateObjectItems(source.secret, `${srcPath}.secret`, claim));
    }
    if (source.configMap) {
      kinds++;
      problems.push(...validateObjectItems(source.configMap, `${srcPath}.configMap`, claim));
    }
    if (source.downwardAPI) {
      kinds++;
      for (const file of source.downwardAPI.items ?? []) {
        // Upstream hands the source's own path down, not the item's index.
        problems.push(...validateDownwardAPIFile(file, `${srcPath}.downwardAPI`));
        claim(file.path, file.path);
      }
    }
    if (source.serviceAccountToken) {
      kinds++;
      const token = source.serviceAccountToken;
      const tokenPath = `${srcPath}.serviceAccountToken`;
      const exp = token.expirationSeconds ?? DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC;
      if (exp < MIN_TOKEN_EXPIRATION_SEC) problems.push(invalid(`${tokenPath}.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > MAX_TOKEN_EXPIRATION_SEC) problems.push(invalid(`${tokenPath}.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'));
      // Upstream names the volume's `path`, not the source's, for both checks.
      if (!token.path) problems.push(required(`${base}.path`));
      else if (behaviour.projectedTokenPathMustBeLocal) problems.push(...validateLocalNonReservedPath(token.path, `${base}.path`));
    }
    if (kinds > 1) {
      problems.push(forbidden(srcPath, behaviour.projectionKindsMessagePerSource ? 'may not specify more than 1 volume type per source' : 'may not specify more than 1 volume type'));
    }
  });
  return problems;
}

/** The `secret` and `configMap` branches: name Required, each item through `validateKeyToPath`, then its path claimed. */
function validateObjectItems(source: SecretProjection | ConfigMapProjection, base: string, claim: (path: string | undefined, value: string) => void): FieldError[] {
  const problems: FieldError[] = [];
  if (!source.name) problems.push(required(`${base}.name`));
  (source.items ?? []).forEach((item, i) => {
    problems.push(...validateKeyToPath(item, `${base}.items[${i}]`));
    claim(item.path, source.name ?? '');
  });
  return problems;
}

/** `validateKeyToPath`. */
function validateKeyToPath(item: KeyToPath, base: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!item.key) problems.push(required(`${base}.key`));
  if (!item.path) problems.push(required(`${base}.path`));
  problems.push(...validateLocalNonReservedPath(item.path ?? '', `${base}.path`));
  if (item.mode != null && (item.mode > 0o777 || item.mode < 0)) problems.push(invalid(`${base}.mode`, item.mode, FILE_MODE_MESSAGE));
  return problems;
}

/**
 * `validateDownwardAPIVolumeFile`, without the inside of `fieldRef` / `resourceFieldRef` (which fields they may
 * select): path Required and local, exactly one of the two references, mode in range.
 */
function validateDownwardAPIFile(file: DownwardAPIVolumeFile, base: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!file.path) problems.push(required(`${base}.path`));
  problems.push(...validateLocalNonReservedPath(file.path ?? '', `${base}.path`));
  if (file.fieldRef && file.resourceFieldRef) problems.push(invalid(base, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  else if (!file.fieldRef && !file.resourceFieldRef) problems.push(required(base, 'one of fieldRef and resourceFieldRef is required'));
  if (file.mode != null && (file.mode > 0o777 || file.mode < 0)) problems.push(invalid(`${base}.mode`, file.mode, FILE_MODE_MESSAGE));
  return problems;
}

/**
 * `ValidateLocalNonReservedPath` = `validateLocalDescendingPath` (not absolute; no `..` element, one error however
 * many) plus `must not start with '..'` unless the `..` check already caught it.
 */
function validateLocalNonReservedPath(path: string, field: string): FieldError[] {
  const problems: FieldError[] = [];
  if (path.startsWith('/')) problems.push(invalid(field, path, 'must be a relative path'));
  if (path.split('/').includes('..')) problems.push(invalid(field, path, "must not contain '..'"));
  if (path.startsWith('..') && !path.startsWith('../')) problems.push(invalid(field, path, "must not start with '..'"));
  return problems;
}
