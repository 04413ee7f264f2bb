package io.github.cameldeck.springboot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application of the starter's tests: auto-configuration only, each test adds its own beans. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DeckTestApplication {
}
