/**
 * Lesson files: YAML → a validated `Lesson`. Like scenario files, every problem is collected and reported with the
 * field path and its line and column, because lessons are written in an editor by people who are not programmers.
 * Scenarios a lesson embeds are parsed with the scenario parser, and their errors point into the lesson file.
 *
 * The format, in brief (assets/lessons/projected-tokens.yaml uses all of it):
 *   id, title, summary?, speed? (simulated s per wall s; 600 by default)
 *   scenarios?: {name: | scenario YAML}           lesson-only scenarios; files in assets/scenarios are named as-is
 *   steps: - id, title, body (paragraphs, "- " items, ``` blocks, `code`, **bold**)
 *            scenario?  startAt? | scene?  speed?  a step keeps the previous step's scenario and speed; scene: N
 *                                         opens the scenario at the run-sheet's Nth scene (its moment, window, spotlight)
 *            command?: {flow, line}               the "Run it for me" kubectl line
 *            waitFor?: condition | [conditions]   each {description, event, flow?, where?, after?, count?}
 *            hints?: [{when: {before?, after?, seen?, notSeen?, tokenAge?}, text}]
 *            quiz?: {question, choices, answer (from 1), explanation, predict?: {pauseAt, evidence, refutedBy?}}
 *   where: {field.path: value | {equals, startsWith, contains, notContains, atLeast, atMost, oneOf}}
 */
import { isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Scalar, YAMLMap } from 'yaml';
import type { SimEventType } from '../../../shared/model/events.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { tokenizeShellLine } from '../../../shared/kubectl/kubectl-tokenize.ts';
import type { InputError, ParseResult, Scenario } from '../../../shared/scenario/scenario-types.ts';
import { MAX_SPEED } from '../../../shared/rpc/engine-protocol.ts';
import { MIN_SPEED } from '../../../shared/time/speed.ts';
import { ENGINE_MAX_EVENTS, formatLimit } from '../../../shared/limits/input-budgets.ts';
import {
  describeError,
  describeNode,
  isAbsent,
  keyText,
  numberText,
  resolveNode,
  truncate,
  readYamlDocument,
} from '../../../shared/manifest/yaml-source.ts';
import type { SourceMap, SourcePosition } from '../../../shared/manifest/yaml-source.ts';
import { nearestKey, quoteHint, unquoteHint, YamlFieldReader, type Field } from '../../../shared/manifest/yaml-field-reader.ts';
import type {
  EventCondition,
  FieldMatch,
  FieldTest,
  HintWhen,
  Lesson,
  LessonHint,
  LessonScenario,
  LessonStep,
  PredictSpec,
  Quiz,
  SuggestedCommand,
} from './lesson-types.ts';
import { EVENT_TYPES } from '../../../shared/model/event-catalogue.ts';


/** Steps play at 600× unless the lesson or the step says otherwise: a 48-minute rotation takes about 5 s. */
const DEFAULT_LESSON_SPEED = 600;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TOP_KEYS = ['id', 'title', 'summary', 'speed', 'scenarios', 'steps'];
const STEP_KEYS = ['id', 'title', 'body', 'scenario', 'scene', 'startAt', 'speed', 'command', 'waitFor', 'hints', 'quiz'];
const CONDITION_KEYS = ['description', 'event', 'flow', 'where', 'after', 'count'];
const TEST_KEYS = ['equals', 'startsWith', 'contains', 'notContains', 'atLeast', 'atMost', 'oneOf'];
const HINT_KEYS = ['when', 'text'];
const WHEN_KEYS = ['before', 'after', 'seen', 'notSeen', 'tokenAge'];
const QUIZ_KEYS = ['question', 'choices', 'answer', 'explanation', 'predict'];
const PREDICT_KEYS = ['pauseAt', 'evidence', 'refutedBy'];

export interface ParseLessonOptions {
  /** The scenario files a lesson may name (assets/scenarios), keyed by file name without `.yaml`. */
  scenarioFiles: Readonly<Record<string, string>>;
}

export function parseLesson(text: string, options: ParseLessonOptions): ParseResult<Lesson> {
  return readYamlDocument(text, 'lesson', (doc, map) => new LessonReader(doc, map, text, options));
}

class LessonReader extends YamlFieldReader {
  private readonly scenarios: Record<string, LessonScenario> = {};
  /** Inline scenarios written with errors, already reported: a step naming one is not told it does not exist. */
  private readonly brokenScenarios = new Set<string>();
  private lessonSpeed = DEFAULT_LESSON_SPEED;

  constructor(
    doc: Document,
    map: SourceMap,
    text: string,
    private readonly options: ParseLessonOptions,
  ) {
    super(doc, map, text, { plainScalarsAsText: false });
  }

  read(): Lesson | undefined {
    const root = resolveNode(this.doc.contents, this.doc);
    if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
      this.error('', 'the lesson is empty; it needs at least id, title and steps', this.start);
      return undefined;
    }
    if (!isMap(root)) {
      this.error('', `a lesson must be a mapping (id:, title:, steps:), got ${describeNode(root)}`, this.position(root));
      return undefined;
    }
    this.checkKeys(root, TOP_KEYS, '');
    const id = this.requiredId(root, 'id', 'id');
    const title = this.requiredString(root, 'title', 'title');
    const summary = this.optionalString(root, 'summary', 'summary') ?? '';
    const speed = this.optionalSpeed(root, 'speed', 'speed') ?? DEFAULT_LESSON_SPEED;
    this.readInlineScenarios(root);
    this.lessonSpeed = speed;
    const steps = this.readSteps(root);
    this.reportTextCutByComments();
    if (id === undefined || title === undefined || steps === undefined) return undefined;
    return { id, title: title.trim(), summary: summary.trim(), speed, scenarios: this.scenarios, steps };
  }

  /**
   * In plain (unquoted) YAML text, " #" starts a comment: "token #1 runs out?" silently becomes "token". Text fields
   * have no use for a trailing comment, so one there is taken for what it nearly always is, text cut short.
   */
  private reportTextCutByComments(): void {
    visit(this.doc, {
      Scalar: (_key, node, path) => {
        if (node.type !== 'PLAIN' || typeof node.value !== 'string' || node.comment === undefined || !node.range) return;
        const tail = this.text.slice(node.range[1], node.range[2]);
        const hash = /^[ \t]+#/.exec(tail);
        if (!hash || !isTextField(node, path)) return;
        const at = this.map.position(node.range[1] + hash[0].length - 1);
        const cut = `${node.value} ${tail.trim()}`;
        this.error('', `${JSON.stringify(truncate(cut))} is cut short at "#": after a space, # starts a YAML comment. Put the text in double quotes`, at);
      },
    });
  }

  // ---- scenarios -------------------------------------------------------------------------------------------------

  private readInlineScenarios(root: YAMLMap): void {
    const field = this.field(root, 'scenarios');
    if (field === undefined || this.isMissing(field)) return;
    if (!isMap(field.value)) {
      this.error('scenarios', `must be a mapping of names to scenario YAML (name: |, then the scenario indented below), got ${describeNode(field.value)}`, field.position);
      return;
    }
    for (const pair of field.value.items) {
      const key = keyText(pair);
      const keyPosition = this.position(pair.key, field.position);
      if (key === undefined || !ID.test(key)) {
        this.error('scenarios', `${key === undefined ? 'a complex key' : JSON.stringify(truncate(key))} is not a scenario name; use lowercase letters, digits and dashes`, keyPosition);
        continue;
      }
      const path = `scenarios.${key}`;
      const value = resolveNode(pair.value, this.doc);
      if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
        this.error(path, `must be the scenario's YAML as a block (${key}: |, then the scenario indented below), got ${describeNode(value)}`, isAbsent(value) ? keyPosition : this.position(value, keyPosition));
        this.brokenScenarios.add(key);
        continue;
      }
      const placement = this.blockPlacement(value, pair);
      const parsed = parseScenario(value.value);
      if (!parsed.ok) {
        this.brokenScenarios.add(key);
        // `name: >` joins the scenario's lines, and the YAML errors that follow would not say why: say it once.
        if (value.type === 'BLOCK_FOLDED') this.error(path, `is a folded block (>), which joins the scenario's lines into one, so it does not read as YAML; write ${key}: | (a literal block) instead`, this.position(value, keyPosition));
        else for (const error of parsed.errors) this.errors.push(shiftError(error, path, placement));
        continue;
      }
      this.scenarios[key] = summarize(key, 'inline', value.value, parsed.value);
    }
  }

  /** The scenario a step names: an inline one, else a file in assets/scenarios (parsed once, on first use). */
  private resolveScenario(name: string, path: string, position: SourcePosition): LessonScenario | undefined {
    const known = this.scenarios[name];
    if (known) return known;
    const fileText = Object.hasOwn(this.options.scenarioFiles, name) ? this.options.scenarioFiles[name] : undefined;
    if (fileText === undefined) {
      if (this.brokenScenarios.has(name)) return undefined;
      const available = [...new Set([...Object.keys(this.scenarios), ...this.brokenScenarios, ...Object.keys(this.options.scenarioFiles)])].sort();
      const withoutExtension = name.replace(/\.ya?ml$/i, '');
      const meant = withoutExtension !== name && available.includes(withoutExtension)
        ? ` (did you mean ${withoutExtension}? name a file in assets/scenarios without .yaml)`
        : suggest(name, available);
      this.error(path, `no scenario named ${JSON.stringify(truncate(name))}${meant}: it is neither in this lesson's scenarios: nor a file in assets/scenarios; known: ${available.join(', ') || 'none'}`, position);
      return undefined;
    }
    const parsed = parseScenario(fileText);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      this.error(path, `assets/scenarios/${name}.yaml does not parse: ${first?.message ?? 'unknown error'}`, position);
      return undefined;
    }
    const scenario = summarize(name, 'file', fileText, parsed.value);
    this.scenarios[name] = scenario;
    return scenario;
  }

  // ---- steps -----------------------------------------------------------------------------------------------------

  private readSteps(root: YAMLMap): LessonStep[] | undefined {
    const field = this.field(root, 'steps');
    if (field === undefined || this.isMissing(field)) {
      this.error('steps', `${this.required(field)}: a list of steps, each with an id, a title and a body`, field?.position ?? this.position(root));
      return undefined;
    }
    if (!isSeq(field.value) || field.value.items.length === 0) {
      this.error('steps', `must be a non-empty list of steps, got ${describeNode(field.value)}`, field.position);
      return undefined;
    }
    const steps: LessonStep[] = [];
    const seen = new Map<string, number>();
    let active: LessonScenario | undefined;
    let speed = this.lessonSpeed;
    let complete = true;
    field.value.items.forEach((item, index) => {
      const node = resolveNode(item, this.doc);
      const path = `steps[${index}]`;
      if (!isMap(node)) {
        this.error(path, `must be a mapping with id, title and body, got ${describeNode(node)}`, this.position(node, field.position));
        complete = false;
        return;
      }
      const result = this.readStep(node, path, active, speed);
      if (result.scenario) active = result.scenario;
      if (result.step) speed = result.step.speed;
      if (!result.step) {
        complete = false;
        return;
      }
      const earlier = seen.get(result.step.id);
      if (earlier !== undefined) {
        this.error(`${path}.id`, `${JSON.stringify(result.step.id)} is already the id of step ${earlier + 1}; step ids must be unique`, this.field(node, 'id')?.position ?? this.position(node));
        complete = false;
        return;
      }
      seen.set(result.step.id, index);
      steps.push(result.step);
    });
    return complete ? steps : undefined;
  }

  private readStep(node: YAMLMap, path: string, inherited: LessonScenario | undefined, inheritedSpeed: number): { step?: LessonStep; scenario?: LessonScenario } {
    this.checkKeys(node, STEP_KEYS, path);
    const position = this.position(node);
    const id = this.requiredId(node, 'id', `${path}.id`);
    const title = this.requiredString(node, 'title', `${path}.title`);
    const body = this.requiredString(node, 'body', `${path}.body`);

    let own: LessonScenario | undefined;
    const scenarioField = this.field(node, 'scenario');
    let scenarioOk = true;
    if (scenarioField !== undefined && !this.isMissing(scenarioField)) {
      const name = this.stringOf(scenarioField, `${path}.scenario`);
      own = name === undefined ? undefined : this.resolveScenario(name.trim(), `${path}.scenario`, scenarioField.position);
      scenarioOk = own !== undefined;
    }
    const active = own ?? (scenarioOk ? inherited : undefined);
    const durationMs = active?.durationMs;
    const flows = active?.flows;
    const needsScenario = (what: string, at: SourcePosition): boolean => {
      if (active !== undefined) return true;
      if (scenarioOk) this.error(path, `${what} needs a scenario: give this step (or an earlier one) a scenario:`, at);
      return false;
    };

    const startAtField = this.field(node, 'startAt');
    const sceneIndex = this.readScene(node, path, active, scenarioOk, startAtField !== undefined && !this.isMissing(startAtField));
    const startAtMs =
      sceneIndex === null ? undefined
      : sceneIndex !== undefined ? active?.sceneAtMs[sceneIndex]
      : startAtField && !this.isMissing(startAtField)
        ? needsScenario('startAt', startAtField.position) ? this.instantWithin(startAtField, `${path}.startAt`, durationMs) : undefined
        : 0;
    const speed = this.optionalSpeed(node, 'speed', `${path}.speed`);
    const commandField = this.field(node, 'command');
    const command = commandField && !this.isMissing(commandField) && needsScenario('command', commandField.position) ? this.readCommand(commandField, `${path}.command`, flows) : undefined;
    const waitForField = this.field(node, 'waitFor');
    const waitFor = waitForField && !this.isMissing(waitForField) && needsScenario('waitFor', waitForField.position) ? this.readConditions(waitForField, `${path}.waitFor`, flows, durationMs) : [];
    const hintsField = this.field(node, 'hints');
    const hints = hintsField && !this.isMissing(hintsField)
      ? needsScenario('hints', hintsField.position) ? this.readHints(hintsField, `${path}.hints`, flows, durationMs) : undefined
      : [];
    const quizField = this.field(node, 'quiz');
    const quiz = quizField && !this.isMissing(quizField) ? this.readQuiz(quizField, `${path}.quiz`, active, scenarioOk) : undefined;

    if (id === undefined || title === undefined || body === undefined || startAtMs === undefined || waitFor === undefined || hints === undefined) return { scenario: own };
    if (commandField && !this.isMissing(commandField) && command === undefined) return { scenario: own };
    if (quizField && !this.isMissing(quizField) && quiz === undefined) return { scenario: own };
    const step: LessonStep = {
      id,
      title: title.trim(),
      body: body.trim(),
      startAtMs,
      // A step keeps the pace of the one before it unless it sets its own or starts a new scenario.
      speed: speed ?? (own ? this.lessonSpeed : inheritedSpeed),
      waitFor,
      hints,
      line: position.line,
      ...(own ? { scenario: own.key } : {}),
      ...(active ? { activeScenario: active.key } : {}),
      ...(sceneIndex !== undefined && sceneIndex !== null ? { sceneIndex } : {}),
      ...(command ? { command } : {}),
      ...(quiz ? { quiz } : {}),
    };
    return { step, scenario: own };
  }

  /**
   * `scene: 3`: the step opens its scenario at the third scene of the scenario's run-sheet. Answers the 0-based
   * index, undefined without the field, or null after reporting what is wrong.
   */
  private readScene(node: YAMLMap, path: string, active: LessonScenario | undefined, scenarioOk: boolean, hasStartAt: boolean): number | null | undefined {
    const field = this.field(node, 'scene');
    if (field === undefined || this.isMissing(field)) return undefined;
    const value = isScalar(field.value) ? field.value.value : undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      this.error(`${path}.scene`, `must be a scene's number, counting from 1, got ${describeNode(field.value)}${unquoteHint(field.value)}`, field.position);
      return null;
    }
    if (active === undefined) {
      if (scenarioOk) this.error(path, 'scene needs a scenario: give this step (or an earlier one) a scenario:', field.position);
      return null;
    }
    if (hasStartAt) {
      this.error(`${path}.scene`, 'a step starts at a scene or at startAt, not both (the scene has its own moment)', field.position);
      return null;
    }
    if (value > active.sceneAtMs.length) {
      const has = active.sceneAtMs.length === 0 ? 'has no scenes' : `has ${active.sceneAtMs.length} scene${active.sceneAtMs.length === 1 ? '' : 's'}`;
      this.error(`${path}.scene`, `the scenario ${JSON.stringify(active.key)} ${has}, so there is no scene ${value}`, field.position);
      return null;
    }
    return value - 1;
  }

  private readCommand(field: Field, path: string, flows: string[] | undefined): SuggestedCommand | undefined {
    const map = this.mappingOf(field, path, '{flow: projected, line: create token my-app}');
    if (map === undefined) return undefined;
    this.checkKeys(map, ['flow', 'line'], path);
    const flow = this.requiredFlow(map, `${path}.flow`, flows);
    const line = this.requiredString(map, 'line', `${path}.line`);
    if (flow === undefined || line === undefined) return undefined;
    const words = tokenizeShellLine(line.trim());
    if (!words.ok) {
      this.error(`${path}.line`, `the command line does not parse: ${words.error.replace(/ at column (\d+)/, ' at column $1 of the command')}`, this.field(map, 'line')?.position ?? field.position);
      return undefined;
    }
    return { flow, line: line.trim().replace(/^kubectl\s+/, '') };
  }

  // ---- conditions ------------------------------------------------------------------------------------------------

  /** One condition, or a list of conditions that must all hold. */
  private readConditions(field: Field, path: string, flows: string[] | undefined, durationMs: number | undefined): EventCondition[] | undefined {
    const items = isSeq(field.value) ? field.value.items.map((item, index) => ({ node: resolveNode(item, this.doc), path: `${path}[${index}]` })) : [{ node: field.value, path }];
    if (items.length === 0) {
      this.error(path, 'must be a condition or a non-empty list of conditions', field.position);
      return undefined;
    }
    const conditions: EventCondition[] = [];
    let ok = true;
    for (const item of items) {
      const condition = this.readCondition(item.node, item.path, field.position, flows, durationMs, true);
      if (condition === undefined) ok = false;
      else conditions.push(condition);
    }
    return ok ? conditions : undefined;
  }

  private readCondition(
    node: unknown,
    path: string,
    fallback: SourcePosition,
    flows: string[] | undefined,
    durationMs: number | undefined,
    needsDescription: boolean,
  ): EventCondition | undefined {
    const example = '{event: token.issued, flow: projected, where: {requester: kubectl}}';
    if (!isMap(node)) {
      this.error(path, `must be a condition such as ${example}, got ${describeNode(node)}`, this.position(node, fallback));
      return undefined;
    }
    this.checkKeys(node, CONDITION_KEYS, path);
    const description = needsDescription ? this.requiredString(node, 'description', `${path}.description`) : this.optionalString(node, 'description', `${path}.description`);
    const eventField = this.field(node, 'event');
    let event: SimEventType | undefined;
    if (eventField === undefined || this.isMissing(eventField)) {
      this.error(`${path}.event`, `${this.required(eventField)}: one of ${EVENT_TYPES.join(', ')}`, eventField?.position ?? this.position(node));
    } else {
      const text = this.stringOf(eventField, `${path}.event`);
      if (text !== undefined) {
        if ((EVENT_TYPES as readonly string[]).includes(text)) event = text as SimEventType;
        else this.error(`${path}.event`, `${JSON.stringify(truncate(text))} is not an event type${suggest(text, EVENT_TYPES)}; use one of ${EVENT_TYPES.join(', ')}`, eventField.position);
      }
    }
    const flowField = this.field(node, 'flow');
    const flow = flowField && !this.isMissing(flowField) ? this.flowOf(flowField, `${path}.flow`, flows) : undefined;
    const whereField = this.field(node, 'where');
    const where = whereField && !this.isMissing(whereField) ? this.readWhere(whereField, `${path}.where`) : [];
    const afterField = this.field(node, 'after');
    const afterMs = afterField && !this.isMissing(afterField) ? this.instantWithin(afterField, `${path}.after`, durationMs) : undefined;
    const countField = this.field(node, 'count');
    let count = 1;
    if (countField && !this.isMissing(countField)) {
      const value = isScalar(countField.value) ? countField.value.value : undefined;
      if (typeof value === 'number' && Number.isInteger(value) && value > ENGINE_MAX_EVENTS) {
        this.error(`${path}.count`, `${numberText(countField.value as Scalar)} is more events than a run keeps (${formatLimit(ENGINE_MAX_EVENTS)}), so the step could never complete`, countField.position);
        return undefined;
      }
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) count = value;
      else {
        this.error(`${path}.count`, `must be a whole number of at least 1, got ${describeNode(countField.value)}${unquoteHint(countField.value)}`, countField.position);
        return undefined;
      }
    }
    if (event === undefined || (needsDescription && description === undefined) || where === undefined) return undefined;
    if (flowField && !this.isMissing(flowField) && flow === undefined) return undefined;
    if (afterField && !this.isMissing(afterField) && afterMs === undefined) return undefined;
    return {
      description: (description ?? '').trim(),
      event,
      where,
      count,
      ...(flow !== undefined ? { flow } : {}),
      ...(afterMs !== undefined ? { afterMs } : {}),
    };
  }

  private readWhere(field: Field, path: string): FieldMatch[] | undefined {
    const map = this.mappingOf(field, path, '{exitCode: 0, command: {startsWith: create token}}');
    if (map === undefined) return undefined;
    const matches: FieldMatch[] = [];
    let ok = true;
    for (const pair of map.items) {
      const key = keyText(pair);
      const keyPosition = this.position(pair.key, field.position);
      if (key === undefined || !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(key)) {
        this.error(path, `${key === undefined ? 'a complex key' : JSON.stringify(truncate(key))} is not a field path such as exitCode or refs.serviceAccount`, keyPosition);
        ok = false;
        continue;
      }
      const value = resolveNode(pair.value, this.doc);
      const test = this.readTest(value, `${path}.${key}`, isAbsent(value) ? keyPosition : this.position(value, keyPosition));
      if (test === undefined) ok = false;
      else matches.push({ path: key, test });
    }
    return ok ? matches : undefined;
  }

  private readTest(node: unknown, path: string, position: SourcePosition): FieldTest | undefined {
    const scalar = scalarValue(node);
    if (scalar !== undefined) return { equals: scalar };
    if (!isMap(node) || node.items.length === 0) {
      const values = isSeq(node) ? node.items.map((item) => scalarValue(resolveNode(item, this.doc))) : [];
      const oneOf = values.length > 0 && values.every((value) => value !== undefined) ? `; to accept any of several values write {oneOf: [${values.join(', ')}]}` : '';
      this.error(path, `must be a value to equal, or tests such as {startsWith: create token} (${TEST_KEYS.join(', ')}), got ${describeNode(node)}${oneOf}`, position);
      return undefined;
    }
    this.checkKeys(node, TEST_KEYS, path);
    const test: FieldTest = {};
    let ok = true;
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key === undefined || !TEST_KEYS.includes(key)) {
        ok = false;
        continue;
      }
      const value = resolveNode(pair.value, this.doc);
      const at = this.position(value, this.position(pair.key, position));
      if (key === 'oneOf') {
        const values = isSeq(value) ? value.items.map((item) => scalarValue(resolveNode(item, this.doc))) : [];
        if (values.length === 0 || values.some((v) => v === undefined)) {
          this.error(`${path}.oneOf`, `must be a non-empty list of plain values, got ${describeNode(value)}`, at);
          ok = false;
        } else test.oneOf = values as (string | number | boolean)[];
      } else if (key === 'atLeast' || key === 'atMost') {
        const number = isScalar(value) && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
        if (number === undefined) {
          this.error(`${path}.${key}`, `must be a number, got ${describeNode(value)}${unquoteHint(value)}`, at);
          ok = false;
        } else test[key] = number;
      } else if (key === 'equals') {
        const equals = scalarValue(value);
        if (equals === undefined) {
          this.error(`${path}.equals`, `must be a plain value, got ${describeNode(value)}`, at);
          ok = false;
        } else test.equals = equals;
      } else {
        const textKey = key as 'startsWith' | 'contains' | 'notContains';
        if (isScalar(value) && typeof value.value === 'string' && value.value !== '') test[textKey] = value.value;
        else {
          this.error(`${path}.${key}`, `must be a non-empty string, got ${describeNode(value)}`, at);
          ok = false;
        }
      }
    }
    return ok ? test : undefined;
  }

  // ---- hints -----------------------------------------------------------------------------------------------------

  private readHints(field: Field, path: string, flows: string[] | undefined, durationMs: number | undefined): LessonHint[] | undefined {
    if (!isSeq(field.value)) {
      this.error(path, `must be a list of hints, each {when: …, text: …}, got ${describeNode(field.value)}`, field.position);
      return undefined;
    }
    const hints: LessonHint[] = [];
    let ok = true;
    field.value.items.forEach((item, index) => {
      const node = resolveNode(item, this.doc);
      const itemPath = `${path}[${index}]`;
      if (!isMap(node)) {
        this.error(itemPath, `must be a mapping {when: …, text: …}, got ${describeNode(node)}`, this.position(node, field.position));
        ok = false;
        return;
      }
      this.checkKeys(node, HINT_KEYS, itemPath);
      const text = this.requiredString(node, 'text', `${itemPath}.text`);
      const whenField = this.field(node, 'when');
      if (whenField === undefined || this.isMissing(whenField)) {
        this.error(`${itemPath}.when`, `${this.required(whenField)}: any of ${WHEN_KEYS.join(', ')}`, whenField?.position ?? this.position(node));
        ok = false;
        return;
      }
      const when = this.readWhen(whenField, `${itemPath}.when`, flows, durationMs);
      if (text === undefined || when === undefined) {
        ok = false;
        return;
      }
      hints.push({ when, text: text.trim() });
    });
    return ok ? hints : undefined;
  }

  private readWhen(field: Field, path: string, flows: string[] | undefined, durationMs: number | undefined): HintWhen | undefined {
    const map = this.mappingOf(field, path, '{before: 30m}');
    if (map === undefined) return undefined;
    this.checkKeys(map, WHEN_KEYS, path);
    if (map.items.length === 0) {
      this.error(path, `needs at least one of ${WHEN_KEYS.join(', ')}`, field.position);
      return undefined;
    }
    const when: HintWhen = {};
    let ok = true;
    for (const key of ['before', 'after'] as const) {
      const part = this.field(map, key);
      if (part === undefined || this.isMissing(part)) continue;
      const ms = this.instantWithin(part, `${path}.${key}`, durationMs);
      if (ms === undefined) ok = false;
      else if (key === 'before') when.beforeMs = ms;
      else when.afterMs = ms;
    }
    for (const key of ['seen', 'notSeen'] as const) {
      const part = this.field(map, key);
      if (part === undefined || this.isMissing(part)) continue;
      const condition = this.readCondition(part.value, `${path}.${key}`, part.position, flows, durationMs, false);
      if (condition === undefined) ok = false;
      else when[key] = condition;
    }
    const age = this.field(map, 'tokenAge');
    if (age !== undefined && !this.isMissing(age)) {
      const ageMap = this.mappingOf(age, `${path}.tokenAge`, '{flow: projected, pod: app}');
      if (ageMap === undefined) ok = false;
      else {
        this.checkKeys(ageMap, ['flow', 'pod'], `${path}.tokenAge`);
        const flow = this.requiredFlow(ageMap, `${path}.tokenAge.flow`, flows);
        const pod = this.requiredString(ageMap, 'pod', `${path}.tokenAge.pod`);
        if (flow === undefined || pod === undefined) ok = false;
        else when.tokenAge = { flow, pod: pod.trim() };
      }
    }
    return ok ? when : undefined;
  }

  // ---- quizzes ---------------------------------------------------------------------------------------------------

  private readQuiz(field: Field, path: string, active: LessonScenario | undefined, scenarioOk: boolean): Quiz | undefined {
    const map = this.mappingOf(field, path, '{question: …, choices: […], answer: 2, explanation: …}');
    if (map === undefined) return undefined;
    this.checkKeys(map, QUIZ_KEYS, path);
    const question = this.requiredString(map, 'question', `${path}.question`);
    const explanation = this.requiredString(map, 'explanation', `${path}.explanation`);
    const choicesField = this.field(map, 'choices');
    let choices: string[] | undefined;
    if (choicesField === undefined || this.isMissing(choicesField)) {
      this.error(`${path}.choices`, `${this.required(choicesField)}: a list of two or more answers`, choicesField?.position ?? this.position(map));
    } else if (!isSeq(choicesField.value)) {
      this.error(`${path}.choices`, `must be a list of two or more answers, got ${describeNode(choicesField.value)}`, choicesField.position);
    } else {
      const texts = choicesField.value.items.map((item) => resolveNode(item, this.doc));
      const bad = texts.findIndex((node) => !(isScalar(node) && typeof node.value === 'string' && node.value.trim() !== ''));
      if (bad !== -1) this.error(`${path}.choices[${bad}]`, `must be a non-empty string, got ${describeNode(texts[bad])}${quoteHint(texts[bad])}`, this.position(texts[bad], choicesField.position));
      else if (texts.length < 2) this.error(`${path}.choices`, `needs at least two answers, got ${texts.length}`, choicesField.position);
      else choices = texts.map((node) => String((node as Scalar).value).trim());
    }
    const answerField = this.field(map, 'answer');
    let answerIndex: number | undefined;
    if (answerField === undefined || this.isMissing(answerField)) {
      this.error(`${path}.answer`, `${this.required(answerField)}: the number of the right choice, counting from 1`, answerField?.position ?? this.position(map));
    } else {
      const value = isScalar(answerField.value) ? answerField.value.value : undefined;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && (choices === undefined || value <= choices.length)) answerIndex = value - 1;
      else this.error(`${path}.answer`, `must be the number of one of the choices (1 to ${choices?.length ?? 'the number of choices'}), got ${describeNode(answerField.value)}${unquoteHint(answerField.value)}`, answerField.position);
    }
    const predictField = this.field(map, 'predict');
    let predict: PredictSpec | undefined;
    let predictOk = true;
    if (predictField !== undefined && !this.isMissing(predictField)) {
      if (active === undefined) {
        if (scenarioOk) this.error(`${path}.predict`, 'needs a scenario to play: give this step (or an earlier one) a scenario:', predictField.position);
        predictOk = false;
      } else {
        predict = this.readPredict(predictField, `${path}.predict`, active);
        predictOk = predict !== undefined;
      }
    }
    if (question === undefined || explanation === undefined || choices === undefined || answerIndex === undefined || !predictOk) return undefined;
    return { question: question.trim(), choices, answerIndex, explanation: explanation.trim(), ...(predict ? { predict } : {}) };
  }

  private readPredict(field: Field, path: string, active: LessonScenario): PredictSpec | undefined {
    const map = this.mappingOf(field, path, '{pauseAt: 1h5m, evidence: {event: request.denied, flow: projected}}');
    if (map === undefined) return undefined;
    this.checkKeys(map, PREDICT_KEYS, path);
    const { flows, durationMs } = active;
    const pauseField = this.field(map, 'pauseAt');
    let pauseAtMs: number | undefined;
    if (pauseField === undefined || this.isMissing(pauseField)) this.error(`${path}.pauseAt`, `${this.required(pauseField)}: when to stop and ask, such as 1h5m`, pauseField?.position ?? this.position(map));
    else {
      pauseAtMs = this.instantWithin(pauseField, `${path}.pauseAt`, durationMs);
      if (pauseAtMs !== undefined && pauseAtMs >= durationMs) {
        this.error(`${path}.pauseAt`, `must come before the end of the scenario (${active.key} runs for ${durationText(durationMs)})`, pauseField.position);
        pauseAtMs = undefined;
      }
    }
    const evidenceField = this.field(map, 'evidence');
    let evidence: EventCondition | undefined;
    if (evidenceField === undefined || this.isMissing(evidenceField)) this.error(`${path}.evidence`, `${this.required(evidenceField)}: the event that proves the answer`, evidenceField?.position ?? this.position(map));
    else evidence = this.readCondition(evidenceField.value, `${path}.evidence`, evidenceField.position, flows, durationMs, false);
    const refutedField = this.field(map, 'refutedBy');
    const refutedBy = refutedField && !this.isMissing(refutedField) ? this.readCondition(refutedField.value, `${path}.refutedBy`, refutedField.position, flows, durationMs, false) : undefined;
    if (pauseAtMs === undefined || evidence === undefined) return undefined;
    if (refutedField && !this.isMissing(refutedField) && refutedBy === undefined) return undefined;
    return { pauseAtMs, evidence, ...(refutedBy ? { refutedBy } : {}) };
  }

  // ---- field readers ---------------------------------------------------------------------------------------------

  private requiredId(map: YAMLMap, key: string, path: string): string | undefined {
    const text = this.requiredString(map, key, path);
    if (text === undefined) return undefined;
    if (ID.test(text)) return text;
    this.error(path, `${JSON.stringify(truncate(text))} is not an id; use lowercase letters, digits and dashes (at most 64)`, this.field(map, key)?.position ?? this.position(map));
    return undefined;
  }

  private optionalSpeed(map: YAMLMap, key: string, path: string): number | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) return undefined;
    const value = isScalar(field.value) ? field.value.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= MIN_SPEED && value <= MAX_SPEED) return value;
    this.error(path, `must be a speed in simulated seconds per second, from ${MIN_SPEED} to ${formatLimit(MAX_SPEED)}, got ${describeNode(field.value)}${unquoteHint(field.value)}`, field.position);
    return undefined;
  }

  /** A simulated instant written as a duration since the start, which must fall within the scenario when known. */
  private instantWithin(field: Field, path: string, durationMs: number | undefined): number | undefined {
    const read = this.durationText(field, path, 'a time since the start such as 30m or 1h5m');
    if (read === undefined) return undefined;
    if (durationMs !== undefined && read.ms > durationMs) {
      this.error(path, `${read.text} is after the end of the scenario, which runs for ${durationText(durationMs)}`, field.position);
      return undefined;
    }
    return read.ms;
  }

  private flowOf(field: Field, path: string, flows: string[] | undefined): string | undefined {
    const text = this.stringOf(field, path);
    if (text === undefined) return undefined;
    if (flows === undefined || flows.includes(text)) return text;
    this.error(path, `${JSON.stringify(truncate(text))} is not a flow of this step's scenario; its flows are ${flows.join(', ')}`, field.position);
    return undefined;
  }

  private requiredFlow(map: YAMLMap, path: string, flows: string[] | undefined): string | undefined {
    const field = this.field(map, 'flow');
    if (field === undefined || this.isMissing(field)) {
      this.error(path, `${this.required(field)}${flows ? `: one of ${flows.join(', ')}` : ''}`, field?.position ?? this.position(map));
      return undefined;
    }
    return this.flowOf(field, path, flows);
  }

}

/** Keys whose values are prose (and `choices`, whose items are). */
const TEXT_KEYS = new Set(['title', 'summary', 'body', 'question', 'explanation', 'text', 'description']);

function isTextField(node: Scalar, path: readonly unknown[]): boolean {
  const parent = path[path.length - 1];
  if (isPair(parent)) return parent.value === node && isScalar(parent.key) && TEXT_KEYS.has(String(parent.key.value));
  const pair = path[path.length - 2];
  return isSeq(parent) && isPair(pair) && isScalar(pair.key) && pair.key.value === 'choices';
}

function summarize(key: string, origin: LessonScenario['origin'], text: string, scenario: Scenario): LessonScenario {
  return { key, origin, title: scenario.title, text, durationMs: scenario.durationMs, flows: scenario.flows.map((f) => f.id), sceneAtMs: scenario.scenes.map((s) => s.atMs) };
}

function scalarValue(node: unknown): string | number | boolean | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}

/** A scenario error, moved from the embedded text's own lines and columns to the lesson file's. */
function shiftError(error: InputError, path: string, placement: SourcePosition): InputError {
  const what = error.message.replace(/ \(line \d+, column \d+\)$/, '');
  const position = error.line === undefined ? placement : { line: error.line + placement.line - 1, column: (error.column ?? 1) + placement.column - 1 };
  return describeError(path, what, position);
}

function durationText(ms: number): string {
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000);
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('') || '0s';
}

function suggest(key: string, allowed: readonly string[]): string {
  const best = nearestKey(key, allowed);
  return best === undefined ? '' : ` (did you mean ${best}?)`;
}
