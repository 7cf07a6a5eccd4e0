/**
 * A small imperative builder for one ONNX graph: it names intermediate values, keeps
 * small constants inline, and sends weights to the external data file.
 */
import { ExternalDataWriter, FLOAT, FLOAT16, INT64, float32Bytes } from './external-data.js';
import { float32ToFloat16 } from './float16.js';
import {
  IR_VERSION,
  MS_DOMAIN,
  ONNX_OPSET,
  attribute,
  type AttributeValue,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
  valueInfo,
} from './proto.js';

export type WeightStorage = 'float32' | 'float16';

export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  readonly inputs: ValueInfoProto[] = [];
  readonly outputs: ValueInfoProto[] = [];
  private counter = 0;
  private usesMsDomain = false;
  private readonly int64Constants = new Map<string, string>();
  /** Set by `weightsAsInputs`: weights become graph inputs and their data is kept here instead. */
  private weightInputs: Map<string, { dims: number[]; data: Float32Array }> | null = null;

  /** `external` may be null for weightless graphs (the scorer), which then hold no weights. */
  constructor(
    private readonly external: ExternalDataWriter | null,
    private readonly storage: WeightStorage = 'float32',
  ) {}

  /** Adds a node and returns its output names (fresh ones unless given). */
  op(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttributeValue> = {},
    outputs: number | string[] = 1,
    domain = '',
  ): string[] {
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(opType)) : outputs;
    if (domain === MS_DOMAIN) this.usesMsDomain = true;
    this.nodes.push({
      opType,
      input: inputs,
      output: names,
      name: `${opType}_${this.counter++}`,
      domain,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return names;
  }

  /** Single-output shorthand for `op`. */
  op1(opType: string, inputs: string[], attrs: Record<string, AttributeValue> = {}, domain = ''): string {
    return this.op(opType, inputs, attrs, 1, domain)[0]!;
  }

  /**
   * A float weight in the external file. With float16 storage it is stored as half and
   * widened by a Cast, so compute stays float32 (ORT's CPU kernels are float32-first).
   */
  weight(name: string, dims: number[], data: Float32Array, storage: WeightStorage = this.storage): string {
    if (this.weightInputs) {
      this.inputs.push(valueInfo(name, FLOAT, dims));
      this.weightInputs.set(name, { dims, data });
      return name;
    }
    if (!this.external) throw new Error(`graph has no external data file for weight ${name}`);
    if (storage === 'float32') {
      this.initializers.push(this.external.add(name, dims, FLOAT, float32Bytes(data)));
      return name;
    }
    const half = float32ToFloat16(data);
    const stored = `${name}.fp16`;
    this.initializers.push(this.external.add(stored, dims, FLOAT16, new Uint8Array(half.buffer)));
    return this.op('Cast', [stored], { to: FLOAT }, [name])[0]!;
  }

  /**
   * The shape [batch, sequence, ...tail] of a per-token tensor, from input_ids' runtime shape.
   * The residual stream is kept 2-D ([batch*sequence, hidden]) because ORT runs a 3-D MatMul
   * against a 2-D weight as one GEMV per batch row, reading the weights batch times over.
   */
  tokenShape(tail: number[]): string {
    const key = `token-shape:${tail.join(',')}`;
    const existing = this.int64Constants.get(key);
    if (existing) return existing;
    const shape = this.op1('Concat', [this.op1('Shape', ['input_ids']), this.int64Constant(tail)], { axis: 0 });
    this.int64Constants.set(key, shape);
    return shape;
  }

  /**
   * From now on weights are float32 graph inputs (fed at run time, e.g. live training weights)
   * rather than initializers; returns the map that collects their data in graph layout.
   */
  weightsAsInputs(): Map<string, { dims: number[]; data: Float32Array }> {
    this.weightInputs = new Map();
    return this.weightInputs;
  }

  /** True when a weight of this name was already added (shared weights are added once). */
  has(name: string): boolean {
    if (this.weightInputs?.has(name)) return true;
    return this.initializers.some((t) => t.name === name || t.name === `${name}.fp16`);
  }

  /** A small float constant kept inside the protobuf. */
  floatConstant(values: number[] | Float32Array, dims: number[]): string {
    const name = this.fresh('const_f');
    this.initializers.push({ name, dims, dataType: FLOAT, floatData: Array.from(values) });
    return name;
  }

  /** A small int64 constant, shared between users of the same value. */
  int64Constant(values: number[], dims: number[] = [values.length]): string {
    const key = `${dims.join('x')}:${values.join(',')}`;
    const existing = this.int64Constants.get(key);
    if (existing) return existing;
    const name = this.fresh('const_i');
    this.initializers.push({ name, dims, dataType: INT64, int64Data: values });
    this.int64Constants.set(key, name);
    return name;
  }

  model(producer: string): ModelProto {
    const opsetImport = [{ domain: '', version: ONNX_OPSET }];
    if (this.usesMsDomain) opsetImport.push({ domain: MS_DOMAIN, version: 1 });
    return {
      irVersion: IR_VERSION,
      producerName: producer,
      opsetImport,
      graph: {
        name: 'decoder',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    };
  }

  private fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }
}
