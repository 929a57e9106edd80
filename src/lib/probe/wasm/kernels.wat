;; Probe kernels in WebAssembly SIMD (f64x2: the same float64 arithmetic as the TypeScript reference, two lanes at a
;; time). Regenerate kernels-wasm.ts after editing:  node scripts/build-probe-wasm.mjs  (needs wat2wasm from wabt).
(module
  (memory (export "memory") 1)

  ;; Rows i0 ≤ i < i1 (even bounds) of the upper triangle of C += Zᵀ Z (two rows of C per pass, j from the even i),
  ;; for rows padded to a multiple of 4 and width dp (even), all float64, byte addresses z and c. The caller tiles
  ;; i so the rows of C being summed stay in cache across all N rows of Z, zeroes C, mirrors it and divides by N.
  (func (export "cov") (param $z i32) (param $np i32) (param $dp i32) (param $c i32) (param $i0 i32) (param $i1 i32)
    (local $rb i32) (local $r i32) (local $i i32) (local $jb i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $ci i32) (local $ci1 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $z0 v128) (local $z1 v128) (local $z2 v128) (local $z3 v128)
    (local.set $rb (i32.shl (local.get $dp) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $np)))
        (local.set $o0 (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $rb))))
        (local.set $o1 (i32.add (local.get $o0) (local.get $rb)))
        (local.set $o2 (i32.add (local.get $o1) (local.get $rb)))
        (local.set $o3 (i32.add (local.get $o2) (local.get $rb)))
        (local.set $i (local.get $i0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $i) (local.get $i1)))
            (local.set $jb (i32.shl (local.get $i) (i32.const 3)))
            (local.set $a0 (f64x2.splat (f64.load (i32.add (local.get $o0) (local.get $jb)))))
            (local.set $a1 (f64x2.splat (f64.load (i32.add (local.get $o1) (local.get $jb)))))
            (local.set $a2 (f64x2.splat (f64.load (i32.add (local.get $o2) (local.get $jb)))))
            (local.set $a3 (f64x2.splat (f64.load (i32.add (local.get $o3) (local.get $jb)))))
            (local.set $b0 (f64x2.splat (f64.load offset=8 (i32.add (local.get $o0) (local.get $jb)))))
            (local.set $b1 (f64x2.splat (f64.load offset=8 (i32.add (local.get $o1) (local.get $jb)))))
            (local.set $b2 (f64x2.splat (f64.load offset=8 (i32.add (local.get $o2) (local.get $jb)))))
            (local.set $b3 (f64x2.splat (f64.load offset=8 (i32.add (local.get $o3) (local.get $jb)))))
            (local.set $ci (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rb))))
            (local.set $ci1 (i32.add (local.get $ci) (local.get $rb)))
            (block $j_done
              (loop $js
                (br_if $j_done (i32.ge_u (local.get $jb) (local.get $rb)))
                (local.set $z0 (v128.load align=8 (i32.add (local.get $o0) (local.get $jb))))
                (local.set $z1 (v128.load align=8 (i32.add (local.get $o1) (local.get $jb))))
                (local.set $z2 (v128.load align=8 (i32.add (local.get $o2) (local.get $jb))))
                (local.set $z3 (v128.load align=8 (i32.add (local.get $o3) (local.get $jb))))
                (v128.store align=8 (i32.add (local.get $ci) (local.get $jb))
                  (f64x2.add (v128.load align=8 (i32.add (local.get $ci) (local.get $jb)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $a0) (local.get $z0)) (f64x2.mul (local.get $a1) (local.get $z1)))
                      (f64x2.add (f64x2.mul (local.get $a2) (local.get $z2)) (f64x2.mul (local.get $a3) (local.get $z3))))))
                (v128.store align=8 (i32.add (local.get $ci1) (local.get $jb))
                  (f64x2.add (v128.load align=8 (i32.add (local.get $ci1) (local.get $jb)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $b0) (local.get $z0)) (f64x2.mul (local.get $b1) (local.get $z1)))
                      (f64x2.add (f64x2.mul (local.get $b2) (local.get $z2)) (f64x2.mul (local.get $b3) (local.get $z3))))))
                (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
                (br $js)))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows)))
  )
;; s[r·K + k] = z_r · m_k for rows padded to a multiple of 4 (width dp, even), K rows of m (width dp):
  ;; the prototype scores' dot products, four rows per pass (each m_k value feeds four multiply-adds).
  (func (export "scores") (param $z i32) (param $np i32) (param $dp i32) (param $m i32) (param $K i32) (param $s i32)
    (local $rb i32) (local $r i32) (local $k i32) (local $jb i32) (local $mk i32) (local $out i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $mv v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $rb (i32.shl (local.get $dp) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $np)))
        (local.set $o0 (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $rb))))
        (local.set $o1 (i32.add (local.get $o0) (local.get $rb)))
        (local.set $o2 (i32.add (local.get $o1) (local.get $rb)))
        (local.set $o3 (i32.add (local.get $o2) (local.get $rb)))
        (local.set $k (i32.const 0))
        (block $k_done
          (loop $ks
            (br_if $k_done (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $mk (i32.add (local.get $m) (i32.mul (local.get $k) (local.get $rb))))
            (local.set $c0 (v128.const f64x2 0 0))
            (local.set $c1 (v128.const f64x2 0 0))
            (local.set $c2 (v128.const f64x2 0 0))
            (local.set $c3 (v128.const f64x2 0 0))
            (local.set $jb (i32.const 0))
            (block $j_done
              (loop $js
                (br_if $j_done (i32.ge_u (local.get $jb) (local.get $rb)))
                (local.set $mv (v128.load align=8 (i32.add (local.get $mk) (local.get $jb))))
                (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $mv) (v128.load align=8 (i32.add (local.get $o0) (local.get $jb))))))
                (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $mv) (v128.load align=8 (i32.add (local.get $o1) (local.get $jb))))))
                (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $mv) (v128.load align=8 (i32.add (local.get $o2) (local.get $jb))))))
                (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $mv) (v128.load align=8 (i32.add (local.get $o3) (local.get $jb))))))
                (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
                (br $js)))
            ;; out = s + 8·(r·K + k); rows r..r+3 are K·8 bytes apart.
            (local.set $out (i32.add (local.get $s) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $k)) (i32.const 3))))
            (f64.store (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $c0)) (f64x2.extract_lane 1 (local.get $c0))))
            (local.set $out (i32.add (local.get $out) (i32.shl (local.get $K) (i32.const 3))))
            (f64.store (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $c1)) (f64x2.extract_lane 1 (local.get $c1))))
            (local.set $out (i32.add (local.get $out) (i32.shl (local.get $K) (i32.const 3))))
            (f64.store (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $c2)) (f64x2.extract_lane 1 (local.get $c2))))
            (local.set $out (i32.add (local.get $out) (i32.shl (local.get $K) (i32.const 3))))
            (f64.store (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $c3)) (f64x2.extract_lane 1 (local.get $c3))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows)))
  )

  ;; a[k] += Σ_r p[r·K + k] z_r (K rows of width dp): the M-step's Pᵀ·Z, four rows per pass.
  (func (export "accum") (param $z i32) (param $np i32) (param $dp i32) (param $p i32) (param $K i32) (param $a i32)
    (local $rb i32) (local $r i32) (local $k i32) (local $jb i32) (local $ak i32) (local $pk i32) (local $kb i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128)
    (local.set $rb (i32.shl (local.get $dp) (i32.const 3)))
    (local.set $kb (i32.shl (local.get $K) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $np)))
        (local.set $o0 (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $rb))))
        (local.set $o1 (i32.add (local.get $o0) (local.get $rb)))
        (local.set $o2 (i32.add (local.get $o1) (local.get $rb)))
        (local.set $o3 (i32.add (local.get $o2) (local.get $rb)))
        (local.set $k (i32.const 0))
        (block $k_done
          (loop $ks
            (br_if $k_done (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $pk (i32.add (local.get $p) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $k)) (i32.const 3))))
            (local.set $p0 (f64x2.splat (f64.load (local.get $pk))))
            (local.set $pk (i32.add (local.get $pk) (local.get $kb)))
            (local.set $p1 (f64x2.splat (f64.load (local.get $pk))))
            (local.set $pk (i32.add (local.get $pk) (local.get $kb)))
            (local.set $p2 (f64x2.splat (f64.load (local.get $pk))))
            (local.set $pk (i32.add (local.get $pk) (local.get $kb)))
            (local.set $p3 (f64x2.splat (f64.load (local.get $pk))))
            (local.set $ak (i32.add (local.get $a) (i32.mul (local.get $k) (local.get $rb))))
            (local.set $jb (i32.const 0))
            (block $j_done
              (loop $js
                (br_if $j_done (i32.ge_u (local.get $jb) (local.get $rb)))
                (v128.store align=8 (i32.add (local.get $ak) (local.get $jb))
                  (f64x2.add (v128.load align=8 (i32.add (local.get $ak) (local.get $jb)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $p0) (v128.load align=8 (i32.add (local.get $o0) (local.get $jb))))
                                 (f64x2.mul (local.get $p1) (v128.load align=8 (i32.add (local.get $o1) (local.get $jb)))))
                      (f64x2.add (f64x2.mul (local.get $p2) (v128.load align=8 (i32.add (local.get $o2) (local.get $jb))))
                                 (f64x2.mul (local.get $p3) (v128.load align=8 (i32.add (local.get $o3) (local.get $jb))))))))
                (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
                (br $js)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows)))
  )
  ;; Householder tridiagonalisation (householder-tridiagonal.ts), the two O(d²) passes of column k on the trailing
  ;; block B = W[s0.., s0..] of a d×d float64 matrix W of which only the upper triangle is kept:
  ;; symv: p[i] += Σ_j B_ij v_j for s0 ≤ i < d, reading only j ≥ i (the caller zeroes p[s0..d)).
  (func (export "symv") (param $w i32) (param $d i32) (param $s0 i32) (param $v i32) (param $p i32)
    (local $i i32) (local $j i32) (local $row i32) (local $vi f64) (local $vi2 v128) (local $acc v128) (local $a f64)
    (local $b v128) (local $bj f64) (local $pj i32)
    (local.set $i (local.get $s0))
    (block $i_done
      (loop $is
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $d)))
        (local.set $row (i32.add (local.get $w) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3))))
        (local.set $vi (f64.load (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $vi2 (f64x2.splat (local.get $vi)))
        (local.set $a (f64.mul (f64.load (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 3)))) (local.get $vi)))
        (local.set $acc (v128.const f64x2 0 0))
        (local.set $j (i32.add (local.get $i) (i32.const 1)))
        (block $j_done
          (loop $js
            (br_if $j_done (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $d)))
            (local.set $b (v128.load align=8 (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $acc (f64x2.add (local.get $acc)
              (f64x2.mul (local.get $b) (v128.load align=8 (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $pj (i32.add (local.get $p) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store align=8 (local.get $pj)
              (f64x2.add (v128.load align=8 (local.get $pj)) (f64x2.mul (local.get $b) (local.get $vi2))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $js)))
        (if (i32.lt_u (local.get $j) (local.get $d))
          (then
            (local.set $bj (f64.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $a (f64.add (local.get $a)
              (f64.mul (local.get $bj) (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $pj (i32.add (local.get $p) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $pj) (f64.add (f64.load (local.get $pj)) (f64.mul (local.get $bj) (local.get $vi))))))
        (local.set $pj (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $pj)
          (f64.add (f64.load (local.get $pj))
            (f64.add (local.get $a)
              (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $is)))
  )

  ;; syr2: B_ij −= v_i q_j + q_i v_j for s0 ≤ i ≤ j < d (upper triangle only).
  (func (export "syr2") (param $w i32) (param $d i32) (param $s0 i32) (param $v i32) (param $q i32)
    (local $i i32) (local $j i32) (local $row i32) (local $vi f64) (local $qi f64) (local $vi2 v128) (local $qi2 v128)
    (local $at i32) (local $jb i32)
    (local.set $i (local.get $s0))
    (block $i_done
      (loop $is
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $d)))
        (local.set $row (i32.add (local.get $w) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3))))
        (local.set $vi (f64.load (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $qi (f64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $vi2 (f64x2.splat (local.get $vi)))
        (local.set $qi2 (f64x2.splat (local.get $qi)))
        (local.set $j (local.get $i))
        (block $j_done
          (loop $js
            (br_if $j_done (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $d)))
            (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
            (local.set $at (i32.add (local.get $row) (local.get $jb)))
            (v128.store align=8 (local.get $at)
              (f64x2.sub (v128.load align=8 (local.get $at))
                (f64x2.add
                  (f64x2.mul (local.get $vi2) (v128.load align=8 (i32.add (local.get $q) (local.get $jb))))
                  (f64x2.mul (local.get $qi2) (v128.load align=8 (i32.add (local.get $v) (local.get $jb)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $js)))
        (if (i32.lt_u (local.get $j) (local.get $d))
          (then
            (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
            (local.set $at (i32.add (local.get $row) (local.get $jb)))
            (f64.store (local.get $at)
              (f64.sub (f64.load (local.get $at))
                (f64.add
                  (f64.mul (local.get $vi) (f64.load (i32.add (local.get $q) (local.get $jb))))
                  (f64.mul (local.get $qi) (f64.load (i32.add (local.get $v) (local.get $jb)))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $is)))
  )
)
