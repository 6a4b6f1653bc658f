"""One module per page; each registers its routes on :data:`materiel.web.render.router`."""
