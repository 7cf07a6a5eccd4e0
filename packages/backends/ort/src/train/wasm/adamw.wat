;; AdamW (torch.optim.AdamW, single-tensor path) over n float32s at byte offsets p, g, m, v of this
;; module's memory, in place on p, m and v, with the gradient scaled by the clip coefficient.
;; The operations and their order are those of the ONNX AdamW graph (optimizer-graphs.ts), so
;; both give the same bits: g·s; p·decay; m·β1 + g·(1−β1); v·β2 + g²·(1−β2);
;; p − (m / (√v / bc2Sqrt + eps))·stepSize. Four lanes at a time, then a scalar tail.
;; Compiled by scripts/build-adamw-wasm.mjs into adamw-module.ts.
(module
  (memory (export "memory") 1)
  (func (export "adamw") (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
        (param $scale f32) (param $decay f32) (param $b1 f32) (param $omb1 f32) (param $b2 f32) (param $omb2 f32)
        (param $step f32) (param $bc2 f32) (param $eps f32)
    (local $i i32) (local $end4 i32) (local $o i32)
    (local $vscale v128) (local $vdecay v128) (local $vb1 v128) (local $vomb1 v128) (local $vb2 v128) (local $vomb2 v128)
    (local $vstep v128) (local $vbc2 v128) (local $veps v128)
    (local $gr v128) (local $mn v128) (local $vn v128) (local $den v128)
    (local $sg f32) (local $sm f32) (local $sv f32) (local $sd f32)
    (local.set $vscale (f32x4.splat (local.get $scale)))
    (local.set $vdecay (f32x4.splat (local.get $decay)))
    (local.set $vb1 (f32x4.splat (local.get $b1)))
    (local.set $vomb1 (f32x4.splat (local.get $omb1)))
    (local.set $vb2 (f32x4.splat (local.get $b2)))
    (local.set $vomb2 (f32x4.splat (local.get $omb2)))
    (local.set $vstep (f32x4.splat (local.get $step)))
    (local.set $vbc2 (f32x4.splat (local.get $bc2)))
    (local.set $veps (f32x4.splat (local.get $eps)))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done
      (loop $simd
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $o (i32.shl (local.get $i) (i32.const 2)))
        (local.set $gr (f32x4.mul (v128.load (i32.add (local.get $g) (local.get $o))) (local.get $vscale)))
        (local.set $mn (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $o))) (local.get $vb1))
                                  (f32x4.mul (local.get $gr) (local.get $vomb1))))
        (local.set $vn (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $o))) (local.get $vb2))
                                  (f32x4.mul (f32x4.mul (local.get $gr) (local.get $gr)) (local.get $vomb2))))
        (local.set $den (f32x4.add (f32x4.div (f32x4.sqrt (local.get $vn)) (local.get $vbc2)) (local.get $veps)))
        (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $mn))
        (v128.store (i32.add (local.get $v) (local.get $o)) (local.get $vn))
        (v128.store (i32.add (local.get $p) (local.get $o))
          (f32x4.sub (f32x4.mul (v128.load (i32.add (local.get $p) (local.get $o))) (local.get $vdecay))
                     (f32x4.mul (f32x4.div (local.get $mn) (local.get $den)) (local.get $vstep))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $simd)))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.shl (local.get $i) (i32.const 2)))
        (local.set $sg (f32.mul (f32.load (i32.add (local.get $g) (local.get $o))) (local.get $scale)))
        (local.set $sm (f32.add (f32.mul (f32.load (i32.add (local.get $m) (local.get $o))) (local.get $b1)) (f32.mul (local.get $sg) (local.get $omb1))))
        (local.set $sv (f32.add (f32.mul (f32.load (i32.add (local.get $v) (local.get $o))) (local.get $b2)) (f32.mul (f32.mul (local.get $sg) (local.get $sg)) (local.get $omb2))))
        (local.set $sd (f32.add (f32.div (f32.sqrt (local.get $sv)) (local.get $bc2)) (local.get $eps)))
        (f32.store (i32.add (local.get $m) (local.get $o)) (local.get $sm))
        (f32.store (i32.add (local.get $v) (local.get $o)) (local.get $sv))
        (f32.store (i32.add (local.get $p) (local.get $o))
          (f32.sub (f32.mul (f32.load (i32.add (local.get $p) (local.get $o))) (local.get $decay))
                   (f32.mul (f32.div (local.get $sm) (local.get $sd)) (local.get $step))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))))
