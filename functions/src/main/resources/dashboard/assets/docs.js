// Swagger UI over the API's own OpenAPI document. Nothing is fetched from anywhere but this origin:
// the online validator badge is switched off and the token (if signed in) is reused for "Try it out".
window.addEventListener('load', () => {
  const token = sessionStorage.getItem('recipediff.token');
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
    requestInterceptor: (request) => {
      if (token && !request.headers.Authorization) {
        request.headers.Authorization = 'Bearer ' + token;
      }
      return request;
    },
  });
});
