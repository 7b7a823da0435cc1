/**
 * The files a container sees in its kubelet-written volumes (token, ca.crt, namespace…), laid out as the AtomicWriter
 * leaves them (docs/kubernetes-facts.md §2.4): a timestamped `..2025_01_06_09_00_01.123456789` directory holding the files,
 * a `..data` symlink to it, and one `name -> ..data/name` symlink per top-level entry, all in a memory-backed
 * (tmpfs) directory. Modes follow docs/kubernetes-facts.md §2.3: the volume's defaultMode (0644), 0600 for the token when the kubelet has an
 * fsUser or fsGroup, and SetVolumeOwnership's read bits and group for fsGroup. Sizes are tmpfs's: a directory is 40
 * bytes plus 20 per entry, a symlink the length of its target.
 *
 * Only those volumes are modelled. Anything else in the container (its image's files) is not, and a path that
 * leaves the modelled volumes resolves to `outside` rather than to a made-up answer.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import { jwsSigningParts } from '../../jwt/sign-jwt.ts';
import { utf8Encode } from '../../text/utf8.ts';
import { epochMs, type EngineContext } from '../engine-context.ts';
import type { ClusterState, FileContent, MountedVolume, PodState } from '../engine-state.ts';
import { keyAt } from '../signing-keys.ts';
import { tokenAt } from '../token-log.ts';
import { jwtMarker } from '../jwt-markers.ts';
import { podRunningSinceMs } from './cluster-objects.ts';
import { versionBehaviour } from '../../model/versions.ts';

export interface FileStat {
  /** Permission bits with setgid (0o2000) and sticky (0o1000). */
  perm: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  /** Space used, in the 1 KiB units `ls` totals. */
  blocksKib: number;
  mtimeEpochMs: number;
}

export interface DirNode {
  kind: 'dir';
  stat: FileStat;
  children: Map<string, FsNode>;
  parent: DirNode | undefined;
  /** False for the image's directories above a volume, whose other contents the simulation does not know. */
  modelled: boolean;
}

export type FsNode = DirNode | { kind: 'file'; stat: FileStat; content: string } | { kind: 'link'; stat: FileStat; target: string };

/** Volume types whose files the kubelet writes through the AtomicWriter. */
function isAtomicWriterVolume(volume: Volume): boolean {
  return Boolean(volume.projected ?? volume.secret ?? volume.configMap ?? volume.downwardAPI);
}

/** `..2025_01_06_09_00_01.123456789` → the epoch ms it was created (whole seconds, UTC). */
function dataDirEpochMs(dataDir: string): number | undefined {
  const match = /^\.\.(\d{4})_(\d{2})_(\d{2})_(\d{2})_(\d{2})_(\d{2})\./.exec(dataDir);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y!, mo! - 1, d, h, mi, s);
}

/** Length of the compact JWS the API server would have written: both JSON parts in base64url, then the signature. */
function jwtLength(ctx: EngineContext, cluster: ClusterState, tokenIndex: number): number {
  const token = tokenAt(ctx, tokenIndex);
  const { headerJson, payloadJson } = jwsSigningParts(token.header, token.claims);
  const base64UrlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
  const key = keyAt(ctx, cluster.algorithm, token.keyIndex);
  // RS256: a signature as long as the modulus; ES256: r‖s, 32 bytes each.
  const signatureBytes = key.alg === 'ES256' ? 64 : Math.floor(((key.privateJwk['n'] ?? '').length * 6) / 8);
  return base64UrlLength(utf8Encode(headerJson).length) + 1 + base64UrlLength(utf8Encode(payloadJson).length) + 1 + base64UrlLength(signatureBytes);
}

/** util.FsUserFrom: the one runAsUser every container shares, if they all set the same. */
function fsUserOf(pod: Pod): number | undefined {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const users = all.map((c) => c.securityContext?.runAsUser ?? pod.spec?.securityContext?.runAsUser);
  const first = users[0];
  return first !== undefined && users.every((u) => u === first) ? first : undefined;
}

interface FileOwnership {
  perm: number;
  uid: number;
}

/** Mode and owner of each file a volume's sources write, before SetVolumeOwnership. */
function sourceOwnership(volume: Volume, fsUser: number | undefined, fsGroup: number | undefined): (path: string) => FileOwnership {
  const byPath = new Map<string, FileOwnership>();
  let defaultMode = 0o644;
  if (volume.projected) {
    defaultMode = volume.projected.defaultMode ?? 0o644;
    for (const source of volume.projected.sources ?? []) {
      if (source.serviceAccountToken) {
        // projected.go: "When FsGroup is set, we depend on SetVolumeOwnership to change from 0600 to 0640".
        const perm = fsUser !== undefined || fsGroup !== undefined ? 0o600 : defaultMode;
        byPath.set(source.serviceAccountToken.path, { perm, uid: fsUser ?? 0 });
      }
      for (const item of source.configMap?.items ?? source.secret?.items ?? source.downwardAPI?.items ?? []) {
        byPath.set(item.path, { perm: item.mode ?? defaultMode, uid: 0 });
      }
    }
  } else {
    const source = volume.secret ?? volume.configMap ?? volume.downwardAPI;
    defaultMode = source?.defaultMode ?? 0o644;
    for (const item of source?.items ?? []) byPath.set(item.path, { perm: item.mode ?? defaultMode, uid: 0 });
  }
  return (path) => byPath.get(path) ?? { perm: defaultMode, uid: 0 };
}

const dirSize = (entries: number) => 40 + 20 * entries;

function newDir(stat: FileStat, parent: DirNode | undefined, modelled: boolean): DirNode {
  return { kind: 'dir', stat, children: new Map(), parent, modelled };
}

function link(target: string, mtimeEpochMs: number, uid = 0): FsNode {
  return { kind: 'link', target, stat: { perm: 0o777, nlink: 1, uid, gid: 0, size: target.length, blocksKib: 0, mtimeEpochMs } };
}

/**
 * From 1.36 (fix #137332, docs/kubernetes-facts.md §8.7) the AtomicWriter chowns with Lchown, so the user-visible
 * `token` link is owned by the pod's runAsUser too, not only the file behind it. Whether the `..data` link is
 * covered is UNCONFIRMED; TokenScope leaves it to root.
 */
const DATA_LINK_OWNED_BY_FS_USER = false;

/** Sets link counts and sizes once a directory's entries are known. */
function finishDir(dir: DirNode, tmpfs: boolean): void {
  const subdirs = [...dir.children.values()].filter((child) => child.kind === 'dir').length;
  dir.stat.nlink = 2 + subdirs;
  if (tmpfs) dir.stat.size = dirSize(dir.children.size);
}

function mountVolume(
  ctx: EngineContext,
  cluster: ClusterState,
  mountRoot: DirNode,
  volume: Volume,
  mounted: MountedVolume,
  pod: Pod,
  firstWriteMs: number,
): void {
  const writtenMs = dataDirEpochMs(mounted.dataDir) ?? firstWriteMs;
  const fsGroup = pod.spec?.securityContext?.fsGroup;
  const ownership = sourceOwnership(volume, fsUserOf(pod), fsGroup);
  // SetVolumeOwnership (fsGroup): group ownership, read-only mask 0440 on files, setgid and 0110 on directories.
  const gid = fsGroup ?? 0;
  const dirPerm = (perm: number) => (fsGroup === undefined ? perm : perm | 0o2000 | 0o110 | 0o440);
  const dirStat = (perm: number): FileStat => ({ perm: dirPerm(perm), nlink: 2, uid: 0, gid, size: 0, blocksKib: 0, mtimeEpochMs: writtenMs });

  mountRoot.stat = dirStat(0o1777);
  const dataDir = newDir(dirStat(0o755), mountRoot, true);
  mountRoot.children.set(mounted.dataDir, dataDir);
  const linksOwned = versionBehaviour(cluster.version).projectedLinksOwnedByFsUser;
  const dataLinkOwner = linksOwned && DATA_LINK_OWNED_BY_FS_USER ? (fsUserOf(pod) ?? 0) : 0;
  mountRoot.children.set('..data', link(mounted.dataDir, writtenMs, dataLinkOwner));
  const madeDirs: DirNode[] = [dataDir];
  for (const [path, content] of Object.entries(mounted.files)) {
    const parts = path.split('/');
    let dir = dataDir;
    for (const part of parts.slice(0, -1)) {
      let next = dir.children.get(part);
      if (!next || next.kind !== 'dir') {
        next = newDir(dirStat(0o755), dir, true);
        dir.children.set(part, next);
        madeDirs.push(next);
      }
      dir = next;
    }
    const top = parts[0]!;
    if (!mountRoot.children.has(top)) mountRoot.children.set(top, link(`..data/${top}`, firstWriteMs, linksOwned && top === path ? ownership(path).uid : 0));
    const owner = ownership(path);
    const text = fileText(content);
    const size = 'token' in content ? jwtLength(ctx, cluster, content.token) : utf8Encode(text).length;
    dir.children.set(parts[parts.length - 1]!, {
      kind: 'file',
      content: text,
      stat: {
        perm: fsGroup === undefined ? owner.perm : owner.perm | 0o440,
        nlink: 1,
        uid: owner.uid,
        gid,
        size,
        // tmpfs allocates whole 4 KiB pages.
        blocksKib: Math.ceil(size / 4096) * 4,
        mtimeEpochMs: writtenMs,
      },
    });
  }
  for (const dir of madeDirs) finishDir(dir, true);
  finishDir(mountRoot, true);
}

function fileText(content: FileContent): string {
  return 'token' in content ? jwtMarker(content.token) : content.text;
}

/** The modelled part of `container`'s filesystem: its AtomicWriter volumes and the directories above them. */
export function containerFiles(ctx: EngineContext, cluster: ClusterState, state: PodState, container: Container): DirNode {
  const pod = state.object;
  const firstWriteMs = epochMs(ctx, podRunningSinceMs(ctx, pod.metadata?.uid) ?? ctx.state.nowMs);
  // The image's directories hold more than the simulation knows; they carry a plain 4 KiB directory's stat.
  const imageDirStat = (): FileStat => ({ perm: 0o755, nlink: 2, uid: 0, gid: 0, size: 4096, blocksKib: 4, mtimeEpochMs: firstWriteMs });
  const root = newDir(imageDirStat(), undefined, false);
  const imageDirs: DirNode[] = [root];
  for (const mount of container.volumeMounts ?? []) {
    const volume = (pod.spec?.volumes ?? []).find((v) => v.name === mount.name);
    const mounted = state.volumes[mount.name];
    if (!volume || !mounted || !isAtomicWriterVolume(volume) || mount.subPath) continue;
    const parts = mount.mountPath.split('/').filter((part) => part !== '');
    if (parts.length === 0) continue;
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.children.get(part);
      if (!next || next.kind !== 'dir') {
        next = newDir(imageDirStat(), dir, false);
        dir.children.set(part, next);
        imageDirs.push(next);
      }
      dir = next;
    }
    const mountRoot = newDir(imageDirStat(), dir, true);
    dir.children.set(parts[parts.length - 1]!, mountRoot);
    mountVolume(ctx, cluster, mountRoot, volume, mounted, pod, firstWriteMs);
  }
  for (const dir of imageDirs) finishDir(dir, false);
  return root;
}

export type Resolved =
  | { ok: true; node: FsNode; parent: DirNode | undefined }
  | { ok: false; reason: 'missing' | 'not-a-directory' | 'outside' | 'loop' };

const MAX_SYMLINK_HOPS = 40;

/**
 * Path lookup as the kernel does it, relative to `/` (the container's working directory), following symlinks in
 * every component but the last unless `followLast`; a trailing slash always follows and requires a directory.
 */
export function resolvePath(root: DirNode, path: string, followLast: boolean): Resolved {
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const queue = path.split('/').filter((part) => part !== '' && part !== '.');
  let dir: DirNode = root;
  let node: FsNode = root;
  let hops = 0;
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (node.kind !== 'dir') return { ok: false, reason: 'not-a-directory' };
    dir = node;
    if (part === '..') {
      node = dir.parent ?? dir;
      continue;
    }
    const child = dir.children.get(part);
    if (!child) return { ok: false, reason: dir.modelled ? 'missing' : 'outside' };
    const last = queue.length === 0;
    if (child.kind === 'link' && (!last || followLast || trailingSlash)) {
      hops += 1;
      if (hops > MAX_SYMLINK_HOPS) return { ok: false, reason: 'loop' };
      queue.unshift(...child.target.split('/').filter((p) => p !== '' && p !== '.'));
      if (child.target.startsWith('/')) node = root;
      continue;
    }
    node = child;
  }
  if (trailingSlash && node.kind !== 'dir') return { ok: false, reason: 'not-a-directory' };
  const parent = node.kind === 'dir' ? node.parent : dir;
  return { ok: true, node, parent };
}
