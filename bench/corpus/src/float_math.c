/* Floating-point math: an n-body integrator, a Mandelbrot escape count and a spectral norm.
 * Built with -ffp-contract=off so no engine may fuse a*b+c; results must be bit-identical. */
#include "kernel.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define BODIES 5

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static struct body bodies[BODIES];

static void bodies_init(void)
{
    /* A sun and four planets with made-up but plausible orbits (AU, AU/day, solar masses). */
    static const double init[BODIES][7] = {
        {0, 0, 0, 0, 0, 0, 1.0},
        {5.2, -0.9, -0.1, 0.0017, 0.0075, -0.00007, 0.00095},
        {9.5, 4.1, -0.4, -0.0027, 0.0051, 0.00002, 0.00029},
        {12.9, -15.1, -0.2, 0.0030, 0.0024, -0.00003, 0.000044},
        {15.4, -25.9, 0.18, 0.0027, 0.0016, -0.00009, 0.000052},
    };
    for (int i = 0; i < BODIES; i++) {
        bodies[i].x = init[i][0];
        bodies[i].y = init[i][1];
        bodies[i].z = init[i][2];
        bodies[i].vx = init[i][3] * DAYS_PER_YEAR;
        bodies[i].vy = init[i][4] * DAYS_PER_YEAR;
        bodies[i].vz = init[i][5] * DAYS_PER_YEAR;
        bodies[i].mass = init[i][6] * SOLAR_MASS;
    }
    /* Give the sun the momentum that makes the system's total zero. */
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static double bodies_energy(void)
{
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b->x - bodies[j].x, dy = b->y - bodies[j].y, dz = b->z - bodies[j].z;
            e -= b->mass * bodies[j].mass / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

/* n time steps of a symplectic Euler integrator; checksum is the energy before and after. */
KERNEL(nbody)
{
    bodies_init();
    uint64_t acc = f64_bits(bodies_energy());
    const double dt = 0.01;
    for (uint32_t step = 0; step < n; step++) {
        for (int i = 0; i < BODIES; i++) {
            struct body *a = &bodies[i];
            for (int j = i + 1; j < BODIES; j++) {
                struct body *b = &bodies[j];
                double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * __builtin_sqrt(d2));
                a->vx -= dx * b->mass * mag;
                a->vy -= dy * b->mass * mag;
                a->vz -= dz * b->mass * mag;
                b->vx += dx * a->mass * mag;
                b->vy += dy * a->mass * mag;
                b->vz += dz * a->mass * mag;
            }
        }
        for (int i = 0; i < BODIES; i++) {
            bodies[i].x += dt * bodies[i].vx;
            bodies[i].y += dt * bodies[i].vy;
            bodies[i].z += dt * bodies[i].vz;
        }
    }
    return mix(acc, f64_bits(bodies_energy()));
}

/* Escape-time Mandelbrot over an n x n grid of [-2.2,0.8] x [-1.5,1.5], at most 200
 * iterations per point. Returns total iterations and the in-set count. */
KERNEL(mandelbrot)
{
    const uint32_t max_iter = 200;
    uint64_t total = 0, inside = 0, acc = 0;
    for (uint32_t py = 0; py < n; py++) {
        double ci = -1.5 + 3.0 * (double)py / (double)n;
        uint64_t row = 0;
        for (uint32_t px = 0; px < n; px++) {
            double cr = -2.2 + 3.0 * (double)px / (double)n;
            double zr = 0, zi = 0;
            uint32_t it = 0;
            while (it < max_iter) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            row += it;
            inside += it == max_iter;
        }
        total += row;
        acc = mix(acc, row);
    }
    return mix(mix(acc, total), inside);
}

#define SPECTRAL_MAX 4096
static double sn_u[SPECTRAL_MAX], sn_v[SPECTRAL_MAX], sn_t[SPECTRAL_MAX];

static double sn_a(uint32_t i, uint32_t j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void sn_mul_av(uint32_t n, const double *v, double *out)
{
    for (uint32_t i = 0; i < n; i++) {
        double s = 0;
        for (uint32_t j = 0; j < n; j++)
            s += sn_a(i, j) * v[j];
        out[i] = s;
    }
}

static void sn_mul_atv(uint32_t n, const double *v, double *out)
{
    for (uint32_t i = 0; i < n; i++) {
        double s = 0;
        for (uint32_t j = 0; j < n; j++)
            s += sn_a(j, i) * v[j];
        out[i] = s;
    }
}

/* Power iteration for the largest singular value of an n x n implicit matrix (n <= 4096):
 * divisions and long dot products. Returns the bits of the estimate. */
KERNEL(spectral_norm)
{
    if (n > SPECTRAL_MAX)
        n = SPECTRAL_MAX;
    for (uint32_t i = 0; i < n; i++)
        sn_u[i] = 1.0;
    for (int it = 0; it < 10; it++) {
        sn_mul_av(n, sn_u, sn_t);
        sn_mul_atv(n, sn_t, sn_v);
        sn_mul_av(n, sn_v, sn_t);
        sn_mul_atv(n, sn_t, sn_u);
    }
    double vbv = 0, vv = 0;
    for (uint32_t i = 0; i < n; i++) {
        vbv += sn_u[i] * sn_v[i];
        vv += sn_v[i] * sn_v[i];
    }
    return f64_bits(__builtin_sqrt(vbv / vv));
}
