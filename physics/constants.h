/* constants.h -- every numeric physics input of alpcast, with its source.
 *
 * One constant, one place (DESIGN.md): nothing else in the code base
 * hard-codes a mass, a lifetime or a coupling.  Sources:
 *   REF  = shared/physics/REFERENCE.md (section / binding decision Dn),
 *   PDG  = Review of Particle Physics 2020 (via REFERENCE.md §1),
 *   SEED = arXiv:2201.06580 (equation numbers).
 * Units: GeV, seconds, metres.
 */
#ifndef ALP_CONSTANTS_H
#define ALP_CONSTANTS_H

/* ---- conversion constants (REF §0, D8) -------------------------------- */
#define ALP_HBAR   6.582119569e-25  /* GeV s */
#define ALP_HBARC  1.973269804e-16  /* GeV m  (D8) */
#define ALP_C_LIGHT 299792458.0     /* m/s, exact (SI); = ALP_HBARC / ALP_HBAR */

/* ---- electroweak inputs of the RG + matching chain (REF D2 = seed code,
 *      TdAlps params.py) ------------------------------------------------- */
#define ALP_MZ          91.1876          /* GeV, D2 */
#define ALP_MW          80.379           /* GeV, D2 */
#define ALP_MT          172.76           /* GeV, top pole mass, D2 */
#define ALP_ALPHA_MZ    (1.0 / 127.955)  /* alpha-hat(mZ) MS-bar, D2 */
#define ALP_SW2_MZ      0.23122          /* sin^2 theta_W(mZ) MS-bar, D2 */
#define ALP_ALPHAS_MZ   0.1181           /* alpha_s(mZ), D2 (also below mZ, D5) */
#define ALP_ALPHA0      (1.0 / 137.035999084) /* alpha(0), on-shell photons, D7 */

/* CKM of the seed code, standard parametrisation (D2). */
#define ALP_CKM_VUS     0.2243
#define ALP_CKM_VUB     3.62e-3
#define ALP_CKM_VCB     4.221e-2
#define ALP_CKM_DELTA   1.27             /* rad */

/* ---- lepton masses (PDG 2020, REF §1; decided_chain.py) ----------------- */
#define ALP_ME    0.51099895e-3   /* GeV */
#define ALP_MMU   0.1056583745    /* GeV */
#define ALP_MTAU  1.77686         /* GeV */

/* ---- quark masses: MS-bar, unrun (PDG 2020, REF §1, D7) --------------- */
#define ALP_MU_Q  2.16e-3   /* m_u(2 GeV) */
#define ALP_MD_Q  4.67e-3   /* m_d(2 GeV) */
#define ALP_MS_Q  0.093     /* m_s(2 GeV) */
#define ALP_MC_Q  1.27      /* m_c(m_c): a -> cc threshold 2.54 GeV (D7) */
#define ALP_MB_Q  4.18      /* m_b(m_b) */

/* Flavour thresholds of the running below mZ (D5, seed code): b at 4.18,
 * c at 1.28 GeV (sic: 1.28, not m_c = 1.27), tau and mu at their masses;
 * QCD running stops at 1 GeV (quark couplings at max(m_a, 1 GeV)). */
#define ALP_THR_B    4.18
#define ALP_THR_C    1.28
#define ALP_THR_QCD  1.0

/* ---- mesons (PDG 2020, REF §1) ------------------------------------------ */
#define ALP_MPI0    0.1349768   /* GeV */
#define ALP_MPIP    0.13957039  /* GeV */
#define ALP_MKP     0.493677    /* GeV */
#define ALP_MK0     0.497611    /* GeV */
#define ALP_MBP     5.27934     /* GeV */
#define ALP_MB0     5.27965     /* GeV */
#define ALP_MKST0   0.89555     /* GeV, K*(892)0 (REF §3.1, D14) */
/* B(K*0(892) -> K+ pi-) = 2/3: K*0 -> K pi is ~100 % (PDG) and isospin gives
 * K+ pi- : K0 pi0 = 2 : 1 (used for limits quoted with K*0 -> K+ pi-) */
#define ALP_BR_KST0_KPI (2.0 / 3.0)
#define ALP_MUPS4S  10.5794     /* GeV, Y(4S) (REF §1, PDG 2020 MC table) */
#define ALP_MKL     0.497611    /* GeV, K_L (REF D18) */
/* Quarkonia, parents of V -> gamma a (REF D17 table, PDG 2024). */
#define ALP_MJPSI   3.096900    /* GeV, J/psi */
#define ALP_MUPS1S  9.46040     /* GeV, Y(1S) */
#define ALP_MUPS3S  10.3551     /* GeV, Y(3S) */
/* B(V -> e+ e-) and the J/psi total width (REF D17 table, PDG 2024). */
#define ALP_BEE_JPSI  0.05971
#define ALP_BEE_UPS1S 0.0239
#define ALP_BEE_UPS3S 0.0218
#define ALP_GAMMA_JPSI 92.6e-6  /* GeV, Gamma(J/psi) = 92.6 keV */
#define ALP_FJPSI   0.4104      /* GeV, f_J/psi (HPQCD, arXiv:2005.01845; REF D17) */
#define ALP_GAMMA_PI0 7.73e-9   /* GeV, pi0 width regulating the a-pi0 pole (REF §4.2, D7) */
#define ALP_FPI     0.1302      /* GeV, f_pi+ = 130.2 MeV in (A.4) (REF §0, D7) */

/* Lifetimes (PDG 2020, REF §1, D6, D14). */
#define ALP_TAU_BP  1.638e-12   /* s */
#define ALP_TAU_B0  1.519e-12   /* s */
#define ALP_TAU_KP  1.2380e-8   /* s */
#define ALP_TAU_KL  5.116e-8    /* s, K_L (PDG 2020, REF D18) */

/* ---- form factors ---------------------------------------------------------
 * B -> K scalar f0: GKvD (arXiv:1811.00983) LCSR+lattice, BSZ form, REF §3, D6. */
#define ALP_F0BK_A0   0.329
#define ALP_F0BK_A1   0.195
#define ALP_F0BK_A2   (-0.446)
#define ALP_F0BK_MR   5.630     /* GeV, B_s0* pole of GKvD's B->K fit (D6) */
/* B -> K* A0: BSZ 2015 (arXiv:1503.05534) LCSR+lattice fit, REF D14. */
#define ALP_A0BKST_A0 0.369196
#define ALP_A0BKST_A1 (-1.36584)
#define ALP_A0BKST_A2 0.128191
#define ALP_A0BKST_MR 5.367     /* GeV, B_s (0-) pole (D14) */

/* ---- ALP model defaults (SEED Sec. 2, REF D1) --------------------------- */
#define ALP_FA_DEFAULT 1000.0   /* GeV; Lambda = 4 pi f_a */

/* ---- hadronic K-factor of (A.2): 97/4 with n_q = 3 light quarks (D7) ---- */
#define ALP_KHAD    (97.0 / 4.0)
#define ALP_NQ_LIGHT 3

#endif
