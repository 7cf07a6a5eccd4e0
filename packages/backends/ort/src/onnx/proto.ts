/**
 * The ONNX protobuf schema, from `onnx-proto` (protobufjs static code generated from the
 * official onnx.proto). It is a CommonJS module whose `module.exports` is assigned at
 * runtime, so Node cannot see named exports: take the namespace off the default import.
 */
import onnxProto from 'onnx-proto';

export const onnx = onnxProto.onnx;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ModelProto = onnxProto.onnx.IModelProto;

export const DataType = onnx.TensorProto.DataType;

/** IR version 8 pairs with opset 17..18 and is read by every ORT since 1.13. */
export const IR_VERSION = 8;
/** Standard-domain opset: 17 keeps ReduceMean's `axes` an attribute and is widely supported. */
export const ONNX_OPSET = 17;
export const MS_DOMAIN = 'com.microsoft';

/** A symbolic or fixed dimension of a graph input/output. */
export type Dim = string | number;

export function valueInfo(name: string, elemType: number, dims: Dim[]): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export type AttributeValue = number | string | number[] | { float: number };

/** Integers become INT attributes; wrap a number as `{ float }` to force FLOAT. */
export function attribute(name: string, value: AttributeValue): AttributeProto {
  const Type = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: Type.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: Type.INT, i: value } : { name, type: Type.FLOAT, f: value };
  }
  if (Array.isArray(value)) return { name, type: Type.INTS, ints: value };
  return { name, type: Type.FLOAT, f: value.float };
}

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** A decoded model; protobufjs decodes nested messages as class instances with every field set. */
export type DecodedModel = onnxProto.onnx.ModelProto & { graph: onnxProto.onnx.GraphProto };

export function decodeModel(bytes: Uint8Array): DecodedModel {
  const model = onnx.ModelProto.decode(bytes);
  model.graph ??= onnx.GraphProto.create();
  return model as DecodedModel;
}
