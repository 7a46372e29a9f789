/* explore_screen.c - the explore screen's arithmetic: layout and mouse clicks (explore.h). */
#include <math.h>
#include <string.h>

#include "explore.h"

/* Below this size the plane is left out and the panel takes the window. */
#define PLANE_MIN_COLS 15
#define PLANE_MIN_ROWS 7
/* From this width the panel sits beside the plane. */
#define WIDE_COLS 72

void
explore_plane_spec(const explore *e, plane_spec *s)
{
	plane_spec_init(s);
	s->x_min = e->avo.min;
	s->x_max = e->avo.max;
	s->x_cut = e->avo.cutoff;
	s->y_min = e->anx.min;
	s->y_max = e->anx.max;
	s->y_cut = e->anx.cutoff;
	s->has_point = 1;
	s->x = e->avoidance;
	s->y = e->anxiety;
}

/* Inverse of the plane's axis mapping: cell p of a..b (cutoff cell cut) to a value. */
static double
cell_value(int p, int a, int b, int cut, double lo, double hi, double vcut)
{
	double v = b > a ? lo + (double)(p - a) / (double)(b - a) * (hi - lo) : (lo + hi) / 2;

	v = nearbyint(v * 100.0) / 100.0;
	if (p == cut)
		return vcut;
	if (p > cut && v <= vcut)
		v = (floor(vcut * 100.0) + 1) / 100.0;
	if (p < cut && v >= vcut)
		v = (ceil(vcut * 100.0) - 1) / 100.0;
	return v < lo ? lo : v > hi ? hi : v;
}

int
explore_point_at_cell(const explore *e, const plane_layout *L, int x, int y,
                      double *anxiety, double *avoidance)
{
	int x0 = L->fx + 1, x1 = L->fx + L->fw - 2;
	int y0 = L->fy + 1, y1 = L->fy + L->fh - 2;

	if (!L->ok || x < x0 || x > x1 || y < y0 || y > y1)
		return -1;
	*avoidance = cell_value(x, x0, x1, L->cut_x, e->avo.min, e->avo.max, e->avo.cutoff);
	/* Rows count downwards: mirror them so that up is high. */
	*anxiety = cell_value(y0 + y1 - y, y0, y1, y0 + y1 - L->cut_y,
	                      e->anx.min, e->anx.max, e->anx.cutoff);
	return 0;
}

/* The plane beside the panel: plane about twice as wide as tall, as cells are tall. */
static void
layout_wide(explore_layout *L, int cols, int body_y, int body_h)
{
	int pw = body_h * 2 + 4;

	if (pw > cols * 3 / 5)
		pw = cols * 3 / 5;
	L->plane_x = 1;
	L->plane_y = body_y;
	L->plane_w = pw;
	L->plane_h = body_h;
	L->panel_x = pw + 3;
	L->panel_y = body_y;
	L->panel_w = cols - L->panel_x - 1;
	L->panel_h = body_h;
}

/* The plane above the panel. */
static void
layout_tall(explore_layout *L, int cols, int body_y, int body_h)
{
	int ph = body_h / 2 > 17 ? 17 : body_h / 2;
	int pw = cols - 2 > ph * 2 + 4 ? ph * 2 + 4 : cols - 2;

	L->plane_x = (cols - pw) / 2;
	L->plane_y = body_y;
	L->plane_w = pw;
	L->plane_h = ph;
	L->panel_x = 1;
	L->panel_y = body_y + ph + 1;
	L->panel_w = cols - 2;
	L->panel_h = body_h - ph - 1;
}

void
explore_layout_compute(explore_layout *L, int cols, int rows)
{
	int body_y = 2, body_h = rows - 4;

	memset(L, 0, sizeof *L);
	L->title_y = L->status_y = L->keys_y = -1;
	L->plane_y = L->panel_y = -1;
	if (cols < EXPLORE_MIN_COLS || rows < EXPLORE_MIN_ROWS)
		return;
	L->fits = 1;
	L->title_y = 0;
	L->status_y = rows - 2;
	L->keys_y = rows - 1;
	if (cols >= WIDE_COLS && body_h >= PLANE_MIN_ROWS)
		layout_wide(L, cols, body_y, body_h);
	else if (body_h / 2 >= PLANE_MIN_ROWS && cols - 2 >= PLANE_MIN_COLS)
		layout_tall(L, cols, body_y, body_h);
	if (L->plane_w >= PLANE_MIN_COLS && L->plane_h >= PLANE_MIN_ROWS && L->panel_h >= 3)
		return;
	/* No room for a plane: the panel takes the body. */
	L->plane_x = L->plane_w = L->plane_h = 0;
	L->plane_y = -1;
	L->panel_x = 1;
	L->panel_y = body_y - 1;
	L->panel_w = cols - 2;
	L->panel_h = body_h + 1;
}
