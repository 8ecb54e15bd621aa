package id.lumbung.registry.rest;

import id.lumbung.platform.testing.BadInputCorpusContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, walked with hostile and careless input. */
@QuarkusTest
class BadInputCorpusTest extends BadInputCorpusContract {
}
