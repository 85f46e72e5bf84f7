/*
 * The map page's layers: a Leaflet map ([data-map-layers]) with one clustered layer
 * (vendored leaflet.markercluster) per checkbox [data-layer-toggle] of the filter form, each
 * fed by its GeoJSON endpoint (data-geojson-url, already carrying the filters).
 *
 * Switching a checkbox shows or hides the layer on the map and its section of the list
 * ([data-layer-list]) at once, and keeps the address in step (so a shared link or "back"
 * shows the same layers). The filters themselves are applied by submitting the form: the
 * server renders the map's data URLs and the list for the same query, so both always agree.
 * Without JavaScript the form and the list work on their own.
 */
(function () {
    "use strict";

    var DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    var OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright";
    var DEFAULT_CENTER = [41.0, 12.0];
    var DEFAULT_ZOOM = 5;

    function isRightToLeft() {
        return document.documentElement.getAttribute("dir") === "rtl";
    }

    function safeUrl(url) {
        if (typeof url !== "string") {
            return "";
        }
        return /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : "";
    }

    function message(el, text) {
        if (!text || el.querySelector(".map__message")) {
            return;
        }
        var box = document.createElement("p");
        box.className = "map__message";
        box.setAttribute("role", "status");
        box.textContent = text;
        el.appendChild(box);
    }

    function popupContent(properties, layerLabel) {
        var container = document.createElement("div");
        container.setAttribute("dir", "auto");
        var url = safeUrl(properties.url || properties.website);
        var title = document.createElement(url ? "a" : "strong");
        title.className = "map-popup__title";
        title.textContent = properties.title || "";
        if (url) {
            title.href = url;
        }
        container.appendChild(title);
        // A pilot adapted from another: say from which (the label comes translated).
        if (properties.origin && properties.origin.title) {
            var from = document.createElement("span");
            from.className = "map-popup__meta map-popup__origin";
            from.textContent = (properties.origin.label || "") + " " + properties.origin.title;
            container.appendChild(from);
        }
        var lines = [
            layerLabel,
            properties.kind_label || properties.availability_label || properties.status_label,
            properties.when,
            properties.place ||
                [properties.city, properties.region, properties.country].filter(Boolean).join(", ")
        ];
        lines.forEach(function (text) {
            if (text) {
                var line = document.createElement("span");
                line.className = "map-popup__meta";
                line.textContent = text;
                container.appendChild(line);
            }
        });
        return container;
    }

    // Where a pilot travelled: a dashed line from the pilot it was adapted from to this one.
    function travelLine(feature) {
        var origin = feature.properties && feature.properties.origin;
        var here = feature.geometry && feature.geometry.coordinates;
        if (!origin || !origin.coordinates || !here) {
            return null;
        }
        return L.polyline(
            [[origin.coordinates[1], origin.coordinates[0]], [here[1], here[0]]],
            { className: "map-travel-line", dashArray: "6 6", weight: 2, interactive: false }
        );
    }

    function syncAddress(form) {
        if (!window.history || !window.history.replaceState) {
            return;
        }
        var params = new URLSearchParams(new FormData(form));
        window.history.replaceState(null, "", "?" + params.toString());
    }

    function initMap(el) {
        var data = el.dataset;
        var form = document.querySelector("[data-directory-filters]");
        var toggles = form ? form.querySelectorAll("[data-layer-toggle]") : [];
        var rtl = isRightToLeft();
        var map = L.map(el, {
            scrollWheelZoom: false,
            center: DEFAULT_CENTER,
            zoom: DEFAULT_ZOOM,
            zoomControl: false
        });
        L.control.zoom({
            position: rtl ? "topright" : "topleft",
            zoomInTitle: data.zoomInText || "Zoom in",
            zoomOutTitle: data.zoomOutText || "Zoom out"
        }).addTo(map);
        map.attributionControl.setPosition(rtl ? "bottomleft" : "bottomright");
        var fallback = el.querySelector(".map__fallback");
        if (fallback) {
            fallback.remove();
        }
        var attribution = '&copy; <a href="' + OSM_COPYRIGHT_URL + '">' +
            (data.tileAttribution || "OpenStreetMap contributors").replace(/[<>&"]/g, "") + "</a>";
        var tiles = L.tileLayer(data.tileUrl || DEFAULT_TILE_URL, { maxZoom: 18, attribution: attribution });
        tiles.once("tileerror", function () {
            message(el, data.tileErrorText);
        });
        tiles.addTo(map);

        var groups = {};
        var bounds = L.latLngBounds([]);

        function load(toggle) {
            var key = toggle.getAttribute("data-layer-toggle");
            var label = toggle.getAttribute("data-layer-label");
            var group = L.markerClusterGroup({ showCoverageOnHover: false });
            groups[key] = group;
            group.loaded = fetch(toggle.getAttribute("data-geojson-url"), {
                headers: { Accept: "application/geo+json, application/json" },
                credentials: "same-origin"
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (collection) {
                    L.geoJSON(collection, {
                        pointToLayer: function (feature, latlng) {
                            var title = (feature.properties && feature.properties.title) || "";
                            return L.marker(latlng, { title: title, alt: title, keyboard: true });
                        },
                        onEachFeature: function (feature, layer) {
                            layer.bindPopup(popupContent(feature.properties || {}, label));
                            var line = travelLine(feature);
                            if (line) {
                                group.addLayer(line);
                            }
                        }
                    }).eachLayer(function (layer) {
                        group.addLayer(layer);
                    });
                    el.setAttribute("data-layer-" + key + "-count", String(group.getLayers().length));
                })
                .catch(function () {
                    message(el, data.layerErrorText);
                });
            return group;
        }

        function show(toggle) {
            var key = toggle.getAttribute("data-layer-toggle");
            var group = groups[key] || load(toggle);
            var list = document.querySelector('[data-layer-list="' + key + '"]');
            if (toggle.checked) {
                group.addTo(map);
                group.loaded.then(function () {
                    if (group.getLayers().length) {
                        bounds.extend(group.getBounds());
                        map.fitBounds(bounds, { padding: [32, 32], maxZoom: 10 });
                    }
                });
            } else {
                map.removeLayer(group);
            }
            if (list) {
                list.hidden = !toggle.checked;
            }
        }

        Array.prototype.forEach.call(toggles, function (toggle) {
            show(toggle);
            toggle.addEventListener("change", function () {
                show(toggle);
                syncAddress(form);
            });
        });
        el.setAttribute("data-map-ready", "true");
    }

    function init() {
        var elements = document.querySelectorAll("[data-map-layers]");
        if (!elements.length || typeof window.L === "undefined" || !L.markerClusterGroup) {
            return;
        }
        Array.prototype.forEach.call(elements, function (el) {
            try {
                initMap(el);
            } catch (error) {
                message(el, el.dataset.errorText);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
