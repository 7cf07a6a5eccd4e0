/**
 * Real peak memory of tfjs data buffers during a call. tf.memory().numBytes and
 * tf.profile().peakBytes count bytes per *tensor*, so reshapes, clones and the tensors a
 * gradient tape saves (clones sharing one buffer) are counted again and again; this counts
 * each data buffer once, from its creation to its release (engine instrumentation, bench only).
 */
import * as tf from '@tensorflow/tfjs';

export async function peakBufferBytesDuring(fn) {
  const engine = tf.engine();
  const { tensorInfo } = engine.state;
  let live = 0;
  let peak = 0;
  const track = engine.trackTensor;
  const remove = engine.removeDataId;
  engine.trackTensor = function (a, backend) {
    const isNew = !tensorInfo.has(a.dataId);
    track.call(this, a, backend);
    if (isNew) {
      live += tensorInfo.get(a.dataId).bytes;
      peak = Math.max(peak, live);
    }
  };
  engine.removeDataId = function (dataId, backend) {
    const info = tensorInfo.get(dataId);
    remove.call(this, dataId, backend);
    if (info && !tensorInfo.has(dataId)) live -= info.bytes;
  };
  try {
    await fn();
  } finally {
    engine.trackTensor = track;
    engine.removeDataId = remove;
  }
  return { peakNewBytes: peak, netNewBytes: live };
}
