/** Constraints shared by request bodies: free text that stays text. */
package io.longhaul.api.validation;
